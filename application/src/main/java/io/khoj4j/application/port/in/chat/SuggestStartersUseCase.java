package io.khoj4j.application.port.in.chat;

import java.util.List;

/** Questions a user might start a conversation with, drawn only from their own notes and questions. */
public interface SuggestStartersUseCase {

  /** At most this many (Khoj shows three). */
  int MAX_STARTERS = 3;

  /** Up to {@link #MAX_STARTERS} questions; empty when the user has neither notes nor earlier questions. */
  List<String> suggest(SuggestStartersQuery query);
}
