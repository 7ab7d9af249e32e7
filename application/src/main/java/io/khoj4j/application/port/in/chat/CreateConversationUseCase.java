package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.chat.Conversation;

/** A new conversation with an agent (only the built-in agent "khoj" exists for now). */
public interface CreateConversationUseCase {

  Conversation create(CreateConversationCommand command);
}
