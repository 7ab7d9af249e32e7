package io.khoj4j.application.port.in.chat;

/** The conversation with this id, else the latest (a new one when there is none). */
public interface ReadConversationUseCase {

  ConversationView read(ReadConversationQuery query);
}
