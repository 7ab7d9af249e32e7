package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.chat.ChatEvent;

/** Where a turn's events go (an event stream, a WebSocket, a JSON aggregate). Must accept calls from any thread. */
public interface ChatEventSink {

  void emit(ChatEvent event);

  /** True once the client has gone away: the turn stops, the model call is cancelled, nothing is stored. */
  boolean cancelled();
}
