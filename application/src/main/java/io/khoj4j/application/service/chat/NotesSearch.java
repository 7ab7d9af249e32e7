package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.search.SearchEntriesQuery;
import io.khoj4j.application.port.in.search.SearchEntriesUseCase;
import io.khoj4j.application.port.in.search.SearchResult;
import io.khoj4j.application.service.chat.tool.NoteFinder;
import io.khoj4j.application.service.chat.tool.QueryWriter;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The notes part of gathering context: the model writes up to five search queries (the message itself without a
 * model), each is searched, and the notes found are reported as progress.
 */
final class NotesSearch {

  static final int MAX_SEARCH_QUERIES = 5;

  /** The queries written and the notes they found. */
  record Found(List<String> queries, List<NoteReference> references) {}

  private final SearchEntriesUseCase search;
  private final QueryWriter queryWriter;
  private final Optional<Double> notesMaxDistance;

  NotesSearch(
      SearchEntriesUseCase search, QueryWriter queryWriter, Optional<Double> notesMaxDistance) {
    this.search = search;
    this.queryWriter = queryWriter;
    this.notesMaxDistance = notesMaxDistance;
  }

  /** Empty when the client left while the queries were being written. */
  Optional<Found> search(ChatTurn turn) {
    QueryWriter.Queries queries = queryWriter.write(
        "extract-queries.txt",
        MAX_SEARCH_QUERIES,
        turn.model(),
        turn.query(),
        turn.history(),
        turn.command().location(),
        turn.persona(),
        turn::cancelled);
    if (turn.cancelled()) {
      return Optional.empty();
    }
    turn.spent(queries.usage());
    List<String> inferred = queries.queries();
    turn.status("**Searching Documents for:** \n- " + String.join("\n- ", inferred));
    Optional<UUID> knowledge = knowledgeOf(turn);
    List<NoteReference> references = searchNotes(
        turn.command().user(),
        knowledge,
        inferred,
        turn.conversation().fileFilters(),
        turn.command());
    Set<String> files = new LinkedHashSet<>();
    references.forEach(r -> files.add(r.file()));
    turn.status("**Found " + references.size() + " Notes Across " + files.size() + " Files**: \n- "
        + String.join("\n- ", files));
    return Optional.of(new Found(inferred, references));
  }

  /** One query at a time, as the research loop searches: the turn's user, agent knowledge and file filters. */
  NoteFinder finder(ChatTurn turn) {
    Optional<UUID> knowledge = knowledgeOf(turn);
    return query -> searchNotes(
        turn.command().user(),
        knowledge,
        List.of(query),
        turn.conversation().fileFilters(),
        turn.command());
  }

  private static Optional<UUID> knowledgeOf(ChatTurn turn) {
    return turn.agent().knowledgeAgent().filter(a -> turn.agent().agent().hasKnowledge());
  }

  /**
   * Hybrid search for each query over the user's notes and the agent's knowledge; the conversation's file filters
   * narrow it; duplicates across queries (and a creator's note beside its copy in the agent) go.
   */
  private List<NoteReference> searchNotes(
      UserId user,
      Optional<UUID> knowledge,
      List<String> queries,
      List<String> fileFilters,
      ChatCommand command) {
    String filters = fileFilters.stream()
        .map(f -> " file:\"" + f.replace("\"", "") + "\"")
        .reduce("", String::concat);
    Map<String, NoteReference> byText = new LinkedHashMap<>();
    for (String query : queries) {
      List<SearchResult> results = search.search(new SearchEntriesQuery(
          user,
          query + filters,
          Math.max(1, Math.min(command.n(), SearchEntriesQuery.MAX_RESULTS)),
          Optional.empty(),
          true,
          command.maxDistance().or(() -> notesMaxDistance),
          false,
          knowledge));
      for (SearchResult r : results) {
        byText.putIfAbsent(r.compiled(), new NoteReference(query, r.entry(), r.file(), r.uri()));
      }
    }
    return List.copyOf(byText.values());
  }
}
