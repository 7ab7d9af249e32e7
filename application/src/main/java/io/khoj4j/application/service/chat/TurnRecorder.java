package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.chat.tool.ToolFindings;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.Intent;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.Speaker;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Step five of a turn: the question and the answer stored together, in one short transaction after the model has
 * finished (the conversation too, when the turn started it). A turn that carried on from an interrupted answer
 * replaces that answer in the same transaction.
 */
final class TurnRecorder {

  private static final Logger LOG = System.getLogger(TurnRecorder.class.getName());

  private final ConversationRepository conversations;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  TurnRecorder(ConversationRepository conversations, UnitOfWork unitOfWork, Clock clock) {
    this.conversations = conversations;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  void record(ChatTurn turn, String answer, ContextGatherer.Gathered.Context context) {
    Instant at = clock.instant();
    String q = turn.query();
    ToolFindings found = context.found();
    ChatMessage reply = new ChatMessage(
        Speaker.KHOJ,
        answer,
        at,
        turn.turnId(),
        context.references(),
        found.onlineContext(),
        found.codeContext(),
        turn.thoughts(),
        new Intent("remember", q, "notes", context.queries()),
        found.images(),
        List.of(),
        found.mermaidjsDiagram().orElse(null));
    store(turn, reply, at, OptionalInt.empty());
  }

  /**
   * A turn stopped before its answer: the question, and an empty answer with what the turn had gathered so far (notes,
   * web results, programs, its reasoning, and the context its answer was to be written from).
   */
  void recordInterrupted(ChatTurn turn) {
    Conversation conversation = turn.conversation();
    if (turn.isStored()) {
      return;
    }
    Instant at = clock.instant();
    ChatTurn.Progress progress = turn.progress();
    ToolFindings found = progress.found();
    List<NoteReference> references = new ArrayList<>(progress.references());
    Set<String> known = new HashSet<>();
    references.forEach(r -> known.add(r.compiled()));
    found.notes().stream().filter(n -> known.add(n.compiled())).forEach(references::add);
    ChatMessage reply = new ChatMessage(
        Speaker.KHOJ,
        "",
        at,
        turn.turnId(),
        references,
        found.onlineContext(),
        found.codeContext(),
        turn.thoughts(),
        new Intent("remember", turn.query(), "notes", progress.queries()),
        found.images(),
        List.of(),
        found.mermaidjsDiagram().orElse(null),
        null,
        found.promptContext());
    // (a conversation the turn starts is not stored yet: no messages, as many as the turn read)
    store(turn, reply, at, OptionalInt.of(turn.messagesRead()));
  }

  /** A turn that scheduled a task: its answer names the automation it created (none when it was refused). */
  void recordScheduled(ChatTurn turn, String answer, Optional<UUID> automationId) {
    Instant at = clock.instant();
    String q = turn.query();
    ChatMessage reply = new ChatMessage(
        Speaker.KHOJ,
        answer,
        at,
        turn.turnId(),
        List.of(),
        List.of(),
        List.of(),
        turn.thoughts(),
        new Intent("automation", q, "automation", List.of()),
        List.of(),
        List.of(),
        null,
        automationId.map(UUID::toString).orElse(null));
    store(turn, reply, at, OptionalInt.empty());
  }

  /** What became of a turn's messages. */
  private enum Stored {
    STORED,
    /** Its conversation was deleted while it ran. */
    CONVERSATION_GONE,
    /** Another turn (or a deleted message) changed the conversation after this one read it. */
    MOVED_ON
  }

  /**
   * Stores the question and the reply in one transaction; with {@code messagesRead}, only if the conversation still
   * holds exactly that many messages once it is locked: an interrupted turn's findings must not land after a later
   * turn, on this replica or another.
   */
  private void store(ChatTurn turn, ChatMessage reply, Instant at, OptionalInt messagesRead) {
    String q = turn.query();
    ChatCommand command = turn.command();
    ChatMessage question =
        ChatMessage.fromUser(q, at, turn.turnId(), command.images(), command.files());
    String slug = q.length() > Conversation.MAX_SLUG ? q.substring(0, Conversation.MAX_SLUG) : q;
    Conversation conversation = turn.conversation();
    Stored stored = unitOfWork.inTransaction(() -> {
      if (turn.startsConversation()) { // a stored one deleted meanwhile stays deleted
        conversations.createIfAbsent(conversation);
      }
      if (messagesRead.isPresent()) {
        OptionalInt held = conversations.lockForAppend(conversation.owner(), conversation.id());
        if (held.isPresent() && held.getAsInt() != messagesRead.getAsInt()) {
          return Stored.MOVED_ON;
        }
      }
      // the conversation's lock first (appending takes it), then the answer replaced: a concurrent
      // deletion of the conversation takes them in the same order
      if (!conversations.appendMessages(
          conversation.owner(), conversation.id(), List.of(question, reply), slug, at)) {
        return Stored.CONVERSATION_GONE;
      }
      turn.resumed()
          .filter(r -> r.turnId() != null) // (some imported messages have none: they stay)
          .ifPresent(r -> conversations.deleteInterruptedAnswer(
              conversation.owner(), conversation.id(), r.turnId()));
      return Stored.STORED;
    });
    if (stored != Stored.MOVED_ON) {
      turn.stored();
    }
    switch (stored) {
      case STORED -> {}
      case CONVERSATION_GONE ->
        LOG.log(
            Level.INFO,
            "Turn {0} not stored: its conversation was deleted while it ran",
            turn.turnId());
      case MOVED_ON ->
        // its findings would land after a later turn's
        LOG.log(
            Level.DEBUG,
            "Interrupted turn {0} not stored: its conversation moved on",
            turn.turnId());
    }
  }
}
