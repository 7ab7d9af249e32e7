package io.khoj4j.application.port.in.chat;

/** One conversation, or all of the user's when {@code id} is empty. */
public interface DeleteConversationsUseCase {

  void delete(DeleteConversationsCommand command);
}
