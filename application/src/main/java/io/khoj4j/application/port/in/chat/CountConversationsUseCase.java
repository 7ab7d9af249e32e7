package io.khoj4j.application.port.in.chat;

/** How many conversations the user has. */
public interface CountConversationsUseCase {

  long count(CountConversationsQuery query);
}
