package io.khoj4j.application.port.in.chat;

import java.util.List;

/** Replace the conversation's file filters with {@code add} added and {@code remove} removed. */
public interface FilterConversationFilesUseCase {

  /** The updated filters; files must be among the user's indexed files. */
  List<String> filter(FilterConversationFilesCommand command);
}
