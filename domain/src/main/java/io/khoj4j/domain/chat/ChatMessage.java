package io.khoj4j.domain.chat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation (Khoj's {@code conversation_log.chat} item). A turn is a pair — the user's message and
 * the answer — sharing a {@code turnId}. What the web gave and the programs run are kept in the order the turn ran
 * them. {@code automationId} names the automation an answer created (the chat scheduled a task), else null.
 *
 * <p>An answer with no text is an <em>interrupted</em> turn's (the client stopped it or left): it keeps what the turn
 * had gathered, and {@code researchContext} holds the findings the answer was to be written from, so the next turn in
 * the conversation carries on from them instead of starting over. A finished answer has none.
 */
public record ChatMessage(
    Speaker by,
    String message,
    Instant created,
    String turnId,
    List<NoteReference> context,
    List<OnlineResult> onlineContext,
    List<CodeRun> codeContext,
    List<Thought> trainOfThought,
    Intent intent,
    List<String> images,
    List<AttachedFile> queryFiles,
    String mermaidjsDiagram,
    String automationId,
    List<String> researchContext) {

  /** A step of the answer's reasoning shown to the user ({@code status} or {@code thought}). */
  public record Thought(String type, String data) {}

  public ChatMessage {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(created, "created");
    context = context == null ? List.of() : List.copyOf(context);
    onlineContext = onlineContext == null ? List.of() : List.copyOf(onlineContext);
    codeContext = codeContext == null ? List.of() : List.copyOf(codeContext);
    trainOfThought = trainOfThought == null ? List.of() : List.copyOf(trainOfThought);
    images = images == null ? List.of() : List.copyOf(images);
    queryFiles = queryFiles == null ? List.of() : List.copyOf(queryFiles);
    researchContext = researchContext == null ? List.of() : List.copyOf(researchContext);
  }

  /** A message that created no automation and carries no findings of an interrupted turn. */
  public ChatMessage(
      Speaker by,
      String message,
      Instant created,
      String turnId,
      List<NoteReference> context,
      List<OnlineResult> onlineContext,
      List<CodeRun> codeContext,
      List<Thought> trainOfThought,
      Intent intent,
      List<String> images,
      List<AttachedFile> queryFiles,
      String mermaidjsDiagram,
      String automationId) {
    this(
        by,
        message,
        created,
        turnId,
        context,
        onlineContext,
        codeContext,
        trainOfThought,
        intent,
        images,
        queryFiles,
        mermaidjsDiagram,
        automationId,
        List.of());
  }

  /** The answer of a turn that was stopped before it was written (Khoj's empty answer). */
  public boolean interrupted() {
    return by == Speaker.KHOJ && message.isEmpty();
  }

  /** A message that created no automation. */
  public ChatMessage(
      Speaker by,
      String message,
      Instant created,
      String turnId,
      List<NoteReference> context,
      List<OnlineResult> onlineContext,
      List<CodeRun> codeContext,
      List<Thought> trainOfThought,
      Intent intent,
      List<String> images,
      List<AttachedFile> queryFiles,
      String mermaidjsDiagram) {
    this(
        by,
        message,
        created,
        turnId,
        context,
        onlineContext,
        codeContext,
        trainOfThought,
        intent,
        images,
        queryFiles,
        mermaidjsDiagram,
        null,
        List.of());
  }

  public static ChatMessage fromUser(
      String text, Instant at, String turnId, List<String> images, List<AttachedFile> files) {
    return new ChatMessage(
        Speaker.YOU,
        text,
        at,
        turnId,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        images,
        files,
        null);
  }
}
