package io.khoj4j.application.port.in.chat;

import java.util.UUID;

/** A published snapshot copied into a new conversation of the user. */
public interface ForkConversationUseCase {

  /** The new conversation's id. */
  UUID fork(ForkConversationCommand command);
}
