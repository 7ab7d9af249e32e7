package io.khoj4j.application.service.chat.tool;

import io.khoj4j.domain.chat.NoteReference;
import java.util.List;

/**
 * Searches what a turn may read of the notes for one query: the user's notes and the agent's knowledge, within the
 * conversation's file filters. The research loop's document search.
 */
@FunctionalInterface
public interface NoteFinder {

  List<NoteReference> find(String query);

  /** For turns with no notes to search. */
  NoteFinder NONE = query -> List.of();
}
