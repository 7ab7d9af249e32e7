package io.khoj4j.domain.chat;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a conversation (Khoj's {@code conversation_log.chat} item). A turn is a pair — the user's message and
 * the answer — sharing a {@code turnId}. Free-form contexts (online results, code runs, attached files) stay maps.
 * {@code automationId} names the automation an answer created (the chat scheduled a task), else null.
 */
public record ChatMessage(
    Speaker by,
    String message,
    Instant created,
    String turnId,
    List<NoteReference> context,
    Map<String, Object> onlineContext,
    Map<String, Object> codeContext,
    List<Thought> trainOfThought,
    Intent intent,
    List<String> images,
    List<Map<String, Object>> queryFiles,
    String mermaidjsDiagram,
    String automationId) {

  /** A step of the answer's reasoning shown to the user ({@code status} or {@code thought}). */
  public record Thought(String type, String data) {}

  public ChatMessage {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(created, "created");
    context = context == null ? List.of() : List.copyOf(context);
    onlineContext = ordered(onlineContext);
    codeContext = ordered(codeContext);
    trainOfThought = trainOfThought == null ? List.of() : List.copyOf(trainOfThought);
    images = images == null ? List.of() : List.copyOf(images);
    queryFiles = queryFiles == null ? List.of() : List.copyOf(queryFiles);
  }

  /** A message that created no automation. */
  public ChatMessage(Speaker by, String message, Instant created, String turnId, List<NoteReference> context,
      Map<String, Object> onlineContext, Map<String, Object> codeContext, List<Thought> trainOfThought, Intent intent,
      List<String> images, List<Map<String, Object>> queryFiles, String mermaidjsDiagram) {
    this(by, message, created, turnId, context, onlineContext, codeContext, trainOfThought, intent, images, queryFiles,
        mermaidjsDiagram, null);
  }

  /** Contexts keep their order (one entry per search query or program, as the turn ran them). */
  private static Map<String, Object> ordered(Map<String, Object> context) {
    return context == null || context.isEmpty() ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }

  public static ChatMessage fromUser(String text, Instant at, String turnId, List<String> images,
      List<Map<String, Object>> files) {
    return new ChatMessage(Speaker.YOU, text, at, turnId, List.of(), Map.of(), Map.of(), List.of(), null, images,
        files, null);
  }
}
