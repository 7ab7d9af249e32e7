package io.khoj4j.domain.chat;

import java.util.List;
import java.util.UUID;

/**
 * What a chat turn tells the client, in Khoj's order: metadata, statuses and thoughts, references, generated assets,
 * the answer (start, text deltas, end), usage, end of response. Each transport (event stream, JSON, WebSocket)
 * renders these.
 */
public sealed interface ChatEvent {

  record Metadata(UUID conversationId, String turnId) implements ChatEvent {}

  record Status(String text) implements ChatEvent {}

  record Thought(String text) implements ChatEvent {}

  record References(
      List<String> inferredQueries,
      List<NoteReference> context,
      List<OnlineResult> onlineContext,
      List<CodeRun> codeContext)
      implements ChatEvent {
    public References {
      inferredQueries = List.copyOf(inferredQueries);
      context = List.copyOf(context);
      onlineContext = List.copyOf(onlineContext);
      codeContext = List.copyOf(codeContext);
    }

    /** A turn that looked nothing up. */
    public static References none() {
      return new References(List.of(), List.of(), List.of(), List.of());
    }
  }

  /**
   * What the turn made besides text (Khoj's {@code generated_assets}): images as URLs or data URIs, or the source of
   * a Mermaid diagram (null when none).
   */
  record GeneratedAssets(List<String> images, String mermaidjsDiagram) implements ChatEvent {
    public GeneratedAssets {
      images = images == null ? List.of() : List.copyOf(images);
    }
  }

  record StartResponse() implements ChatEvent {}

  record Text(String delta) implements ChatEvent {}

  record EndResponse() implements ChatEvent {}

  record Usage(TokenUsage usage) implements ChatEvent {}

  record Done() implements ChatEvent {}
}
