package io.khoj4j.application.port.out.chat;

import io.khoj4j.application.error.UpstreamFailureException;

/**
 * Receives a streamed answer, in order, from a thread of the gateway's choosing. Exactly one of {@link #onComplete}
 * and {@link #onError} ends the stream (neither, after {@link ChatStream#cancel}).
 */
public interface ChatStreamListener {

  void onText(String delta);

  /** Reasoning ("thinking") the model streams before or beside its answer. */
  void onThought(String delta);

  void onComplete(ChatCompletion completion);

  /** {@code deliveredAnything} tells whether text or thoughts were already passed on (no retry was possible). */
  void onError(UpstreamFailureException error, boolean deliveredAnything);
}
