package io.khoj4j.application.port.out.chat;

/** A model call in flight. */
public interface ChatStream {

  /** Stops the call (a client went away); the listener hears nothing more. Idempotent. */
  void cancel();
}
