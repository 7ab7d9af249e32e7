package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.in.agent.EffectiveAgent;
import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.application.service.chat.tool.AllowedTools;
import io.khoj4j.application.service.chat.tool.NoteFinder;
import io.khoj4j.application.service.chat.tool.ToolFindings;
import io.khoj4j.application.service.chat.tool.ToolTurn;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one turn carries from step to step: the request, where its events go, the message without its slash command,
 * the conversation and what was said in it, the agent it speaks as, the model that answers (if any), and what the
 * turn has thought and spent so far. Lives for one turn on one thread.
 *
 * <p>It also keeps what the turn has gathered so far ({@link #progress}), so that a turn stopped before its answer can
 * be stored with it, and the interrupted answer it carries on from, if any ({@link #resumed}), whose reasoning it
 * continues.
 */
final class ChatTurn {

  private final ChatCommand command;
  private final ChatEventSink sink;
  private final String query;
  private final ConversationResolver.Resolved conversation;
  private final String turnId;
  private final Optional<ChatModelEndpoint> model;
  private final EffectiveAgent agent;
  private final List<ChatMessage.Thought> thoughts = new ArrayList<>();
  private TokenUsage usage = TokenUsage.NONE;
  private Progress progress;
  private boolean stored;

  /** What the turn has found so far: the notes' queries and references, and the other tools' findings. */
  record Progress(List<String> queries, List<NoteReference> references, ToolFindings found) {}

  ChatTurn(
      ChatCommand command,
      ChatEventSink sink,
      String query,
      ConversationResolver.Resolved conversation,
      String turnId,
      Optional<ChatModelEndpoint> model,
      EffectiveAgent agent) {
    this.command = command;
    this.sink = sink;
    this.query = query;
    this.conversation = conversation;
    this.turnId = turnId;
    this.model = model;
    this.agent = agent;
    Optional<ChatMessage> resumed = conversation.interrupted();
    resumed.ifPresent(r -> thoughts.addAll(r.trainOfThought()));
    this.progress = new Progress(
        resumed
            .map(r -> r.intent() == null ? List.<String>of() : r.intent().inferredQueries())
            .orElse(List.of()),
        resumed.map(ChatMessage::context).orElse(List.of()),
        ToolFindings.carryingOn(resumed));
  }

  /**
   * The interrupted answer this turn carries on from: the last of the conversation, when it had no text. What it had
   * gathered is where this turn's {@link #progress} starts.
   */
  Optional<ChatMessage> resumed() {
    return conversation.interrupted();
  }

  void gathered(List<String> queries, List<NoteReference> references, ToolFindings found) {
    progress = new Progress(List.copyOf(queries), List.copyOf(references), found);
  }

  Progress progress() {
    return progress;
  }

  /** Marks the turn stored (its answer, or its interruption): it is never stored twice. */
  void stored() {
    stored = true;
  }

  boolean isStored() {
    return stored;
  }

  ChatCommand command() {
    return command;
  }

  ChatEventSink sink() {
    return sink;
  }

  String query() {
    return query;
  }

  Conversation conversation() {
    return conversation.conversation();
  }

  /** Whether the turn starts its conversation (stored with it), rather than adding to a stored one. */
  boolean startsConversation() {
    return conversation.isNew();
  }

  /** How many messages the conversation held when the turn began. */
  int messagesRead() {
    return conversation.messagesRead();
  }

  List<ChatMessage> history() {
    return conversation.history();
  }

  String turnId() {
    return turnId;
  }

  Optional<ChatModelEndpoint> model() {
    return model;
  }

  /** The agent the turn speaks as (the default agent when the conversation has no other). */
  EffectiveAgent agent() {
    return agent;
  }

  /** The sources and outputs the agent allows. */
  AllowedTools allowed() {
    return AgentLimits.allowed(agent);
  }

  /** The agent's name and instructions for the system prompt; empty for the default agent. */
  Optional<PromptBuilder.Persona> persona() {
    if (agent.agent().isDefault()) {
      return Optional.empty();
    }
    return Optional.of(
        new PromptBuilder.Persona(agent.agent().name(), agent.persona().orElse("")));
  }

  boolean cancelled() {
    return sink.cancelled();
  }

  /** A progress line: shown to the client and kept in the turn's train of thought. */
  void status(String markdown) {
    thoughts.add(new ChatMessage.Thought("status", markdown));
    sink.emit(new ChatEvent.Status(markdown));
  }

  void thought(String text) {
    thoughts.add(new ChatMessage.Thought("thought", text));
  }

  void spent(TokenUsage used) {
    usage = usage.plus(used);
  }

  List<ChatMessage.Thought> thoughts() {
    return List.copyOf(thoughts);
  }

  TokenUsage usage() {
    return usage;
  }

  /** The view of this turn the tools work from; {@code notes} searches what the turn may read of the notes. */
  ToolTurn forTools(NoteFinder notes) {
    return new ToolTurn(
        model, query, history(), command, sink, this::status, persona(), allowed(), notes);
  }
}
