package io.khoj4j.application.port.in.chat;

/** A title for a conversation: the user's if set, else one generated and stored as the automatic title. */
public interface TitleConversationUseCase {

  /** The user's title if set, else a generated one (stored as the automatic title). */
  String title(TitleConversationCommand command);
}
