package io.khoj4j.domain.chat;

import java.util.List;

/** What a turn did, as Khoj records it on the answer: {@code type} "remember" for chat, the queries it searched. */
public record Intent(String type, String query, String memoryType, List<String> inferredQueries) {

  public Intent {
    inferredQueries = inferredQueries == null ? List.of() : List.copyOf(inferredQueries);
  }
}
