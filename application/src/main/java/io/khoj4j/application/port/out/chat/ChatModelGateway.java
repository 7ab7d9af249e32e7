package io.khoj4j.application.port.out.chat;

import java.util.function.BooleanSupplier;

/**
 * Talks to chat models of every vendor. Retries what is safe (429, 5xx, timeouts, malformed streams — before any token
 * reached the listener) with bounded backoff, then reports an {@code UpstreamFailureException}. Never call it inside a
 * database transaction.
 */
public interface ChatModelGateway {

  /** Streams an answer to the listener; returns at once. */
  ChatStream stream(ChatCompletionRequest request, ChatStreamListener listener);

  /**
   * Waits for a whole answer (helper calls: tool choice, search queries, titles).
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the model fails after the safe retries
   */
  ChatCompletion complete(ChatCompletionRequest request);

  /**
   * Like {@link #complete(ChatCompletionRequest)}, but gives up as soon as {@code stop} says so (the client left):
   * the model call is cancelled and a {@link java.util.concurrent.CancellationException} thrown. A gateway that
   * cannot abort a call answers as {@code complete(request)} does.
   */
  default ChatCompletion complete(ChatCompletionRequest request, BooleanSupplier stop) {
    return complete(request);
  }
}
