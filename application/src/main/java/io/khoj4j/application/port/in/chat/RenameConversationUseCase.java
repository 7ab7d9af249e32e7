package io.khoj4j.application.port.in.chat;

/** The user's own title for a conversation, at most 200 characters. */
public interface RenameConversationUseCase {

  void rename(RenameConversationCommand command);
}
