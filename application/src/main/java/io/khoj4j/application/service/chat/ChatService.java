package io.khoj4j.application.service.chat;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.agent.EffectiveAgent;
import io.khoj4j.application.port.in.agent.ResolveAgentQuery;
import io.khoj4j.application.port.in.agent.ResolveAgentUseCase;
import io.khoj4j.application.port.in.automation.CreateAutomationUseCase;
import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.port.in.chat.ChatUseCase;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.search.SearchEntriesUseCase;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.application.port.out.chat.StoppingTurns;
import io.khoj4j.application.port.out.chat.TokenCounter;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.application.service.chat.tool.AutomationMaker;
import io.khoj4j.application.service.chat.tool.ChatTools;
import io.khoj4j.application.service.chat.tool.ModelCalls;
import io.khoj4j.application.service.chat.tool.NoteFinder;
import io.khoj4j.application.service.chat.tool.QueryWriter;
import io.khoj4j.application.service.chat.tool.SourcePicker;
import io.khoj4j.application.service.chat.tool.ToolRunner;
import io.khoj4j.application.service.memory.ChatMemory;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.TokenUsage;
import io.khoj4j.domain.memory.Memory;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One chat turn, in Khoj's order of events: metadata, the sources chosen, the notes searched, references, the answer
 * streamed as the model writes it, usage, end. The turn is a short sequence of named steps:
 * {@link ConversationResolver} (which conversation), {@link ContextGatherer} (tools, notes, references),
 * {@link PromptBuilder} and {@link AnswerStreamer} (the answer), {@link TurnRecorder} (store the turn). A turn is
 * stored when it ends — the question and the answer together, in one short transaction after the model has finished;
 * a failed turn leaves nothing behind. A turn the client stopped (or left) is stored as Khoj stores it: the question
 * with an empty answer that keeps what was gathered, and the next turn in the conversation carries on from it (its
 * findings, references and reasoning) and replaces it; a turn asked for while an earlier one in its conversation is
 * being stopped waits for it first ({@link RunningTurns}). No transaction is open while a model or search runs.
 *
 * <p>The sink's {@link ChatEventSink#cancelled()} is the turn's cancellation: the web adapter turns it true when the
 * client goes away, every step checks it before it starts, and every model call is handed it, so a departed client
 * costs no further model call and the one in flight is aborted.
 */
public final class ChatService implements ChatUseCase {

  private static final Logger LOG = System.getLogger(ChatService.class.getName());

  private final ChatModelSelection models;
  private final ChatTools tools;
  private final IdGenerator ids;
  private final ConversationResolver resolver;
  private final ContextGatherer gatherer;
  private final PromptBuilder prompts;
  private final AnswerStreamer streamer;
  private final TurnRecorder recorder;
  private final AutomationMaker automations;
  private final ResolveAgentUseCase agents;
  private final ChatMemory memory;
  private final RunningTurns running;

  /**
   * @param stopping how replicas see each other's stopped turns, so that a new message waits for the turn it stopped
   *     on any of them ({@link StoppingTurns#NONE} in a single process)
   */
  public ChatService(
      ConversationRepository conversations,
      ChatModelSelection models,
      ChatModelGateway gateway,
      ModelReplyReader replies,
      SearchEntriesUseCase search,
      QueryContentUseCase content,
      TokenCounter tokens,
      ChatTools tools,
      CreateAutomationUseCase createAutomation,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock,
      Optional<Double> notesMaxDistance,
      ResolveAgentUseCase agents,
      ChatMemory memory,
      StoppingTurns stopping) {
    this.running = new RunningTurns(stopping, clock, ids);
    this.memory = memory;
    this.models = models;
    this.agents = agents;
    this.tools = tools;
    this.ids = ids;
    ModelCalls calls = new ModelCalls(gateway, replies);
    QueryWriter queryWriter = new QueryWriter(calls, clock);
    this.resolver = new ConversationResolver(conversations, ids, clock);
    this.gatherer = new ContextGatherer(
        content,
        new SourcePicker(calls, tools),
        new NotesSearch(search, queryWriter, notesMaxDistance),
        new ToolRunner(tools, calls, queryWriter, clock),
        tools);
    this.prompts = new PromptBuilder(tokens, clock);
    this.streamer = new AnswerStreamer(gateway);
    this.recorder = new TurnRecorder(conversations, unitOfWork, clock);
    this.automations = new AutomationMaker(calls, createAutomation, clock);
  }

  @Override
  public ChatOutcome chat(ChatCommand command, ChatEventSink sink) {
    if (command.q().isBlank()) {
      return ChatReplies.shortAnswer(sink, "Please ask your query to get started.");
    }
    Optional<ConversationResolver.Resolved> conversation = resolver.resolve(command);
    if (conversation.isEmpty()) {
      return ChatReplies.shortAnswer(
          sink, "Conversation " + command.conversationId().orElseThrow() + " not found");
    }
    if (running.awaitStopped(conversation.get().conversation().id())) {
      conversation = resolver.resolve(command); // it may now end with the stopped turn's answer
      if (conversation.isEmpty()) {
        return ChatReplies.shortAnswer(
            sink, "Conversation " + command.conversationId().orElseThrow() + " not found");
      }
    }
    try (RunningTurns.Registration registered =
        running.start(conversation.get().conversation().id(), sink)) {
      return chat(command, sink, conversation.get());
    }
  }

  /** The turn in its conversation, while it is registered as running there. */
  private ChatOutcome chat(
      ChatCommand command, ChatEventSink sink, ConversationResolver.Resolved conversation) {
    ConversationCommand.Parsed parsed = ConversationCommand.parse(command.q());
    String turnId = command.turnId().orElseGet(() -> ids.newId().toString());
    sink.emit(new ChatEvent.Metadata(conversation.conversation().id(), turnId));
    EffectiveAgent agent = agentOf(conversation.conversation());
    Optional<String> unavailable = AgentLimits.refusal(agent, parsed.command())
        .or(() -> tools.unavailableMessage(parsed.command()));
    if (unavailable.isPresent()) {
      return ChatReplies.answerWithoutModel(sink, unavailable.get());
    }
    ChatTurn turn = new ChatTurn(
        command,
        sink,
        parsed.text(),
        conversation,
        turnId,
        models.modelFor(command.user(), agent.chatModel()),
        agent);
    ChatOutcome outcome;
    try {
      outcome = switch (gatherer.gather(turn, parsed.command())) {
        case ContextGatherer.Gathered.Stopped stopped -> stopped.outcome();
        case ContextGatherer.Gathered.Context context ->
          answer(
              turn,
              context,
              parsed.command() != ConversationCommand.AUTOMATED_TASK); // runs write no memories
        case ContextGatherer.Gathered.ScheduleRequested scheduled -> schedule(turn);
      };
    } catch (RuntimeException e) {
      if (!turn.cancelled()) {
        throw e;
      }
      // the client left and, most likely, an event on its way to it failed: the turn ends as
      // stopped
      LOG.log(Level.WARNING, "Turn " + turnId + " failed after its client left", e);
      outcome = new ChatOutcome.Cancelled();
    }
    if (outcome instanceof ChatOutcome.Cancelled && turn.cancelled()) {
      recorder.recordInterrupted(turn); // (a turn already stored is not stored again)
    }
    return outcome;
  }

  /** The user asked for a task on a schedule: it is created, and the answer says what runs when (or why not). */
  private ChatOutcome schedule(ChatTurn turn) {
    Optional<AutomationMaker.Made> made = automations.make(turn.forTools(NoteFinder.NONE));
    if (made.isEmpty() || turn.cancelled()) {
      return new ChatOutcome.Cancelled();
    }
    turn.spent(made.get().usage());
    turn.sink().emit(ChatEvent.References.none());
    ChatReplies.respond(turn.sink(), made.get().answer());
    recorder.recordScheduled(turn, made.get().answer(), made.get().automationId());
    return done(turn, made.get().answer(), List.of(), List.of(), true);
  }

  /**
   * The conversation's agent for its owner; one deleted or made private since, or never set, is the default agent (as
   * history shows it).
   */
  private EffectiveAgent agentOf(Conversation conversation) {
    Optional<AgentSlug> slug =
        Optional.ofNullable(conversation.agentSlug()).filter(s -> !s.isBlank()).map(AgentSlug::of);
    try {
      return agents.resolve(new ResolveAgentQuery(conversation.owner(), slug));
    } catch (NotFoundException gone) {
      return agents.resolve(new ResolveAgentQuery(conversation.owner(), Optional.empty()));
    }
  }

  /** The answer from the context gathered, then the turn stored and closed. */
  private ChatOutcome answer(
      ChatTurn turn, ContextGatherer.Gathered.Context context, boolean learn) {
    String answer;
    boolean whole = true;
    List<Memory> recalled =
        turn.model().isEmpty() ? List.of() : memory.recall(turn.command().user(), turn.query());
    if (turn.model().isEmpty()) {
      answer = ChatReplies.noModelAnswer(context.references());
      ChatReplies.respond(turn.sink(), answer);
    } else {
      if (turn.cancelled()) {
        return new ChatOutcome.Cancelled();
      }
      turn.status("**Generating a well-informed response**");
      AnswerStreamer.ModelAnswer result = streamer.stream(
          turn.model().get(),
          prompts.build(
              turn.model().get(),
              turn.query(),
              turn.history(),
              context.references(),
              withMemories(recalled, context),
              turn.command(),
              turn.persona()),
          turn.sink());
      if (result.outcome() != null) {
        return result.outcome();
      }
      answer = result.text();
      whole = result.whole();
      turn.spent(result.usage());
      if (!result.thought().isEmpty()) {
        turn.thought(result.thought());
      }
    }
    recorder.record(
        turn, answer, context); // written in full: kept even if the client has just left

    ChatOutcome outcome = done(turn, answer, context.queries(), context.references(), whole);
    if (learn && turn.model().isPresent()) { // after the client has the whole answer
      memory.learn(turn.command().user(), turn.model().get(), turn.query(), answer, recalled);
    }
    return outcome;
  }

  private static List<String> withMemories(
      List<Memory> recalled, ContextGatherer.Gathered.Context context) {
    List<String> prompt = new ArrayList<>(ChatMemory.promptBlock(recalled));
    prompt.addAll(context.found().promptContext());
    return prompt;
  }

  private static ChatOutcome done(
      ChatTurn turn,
      String answer,
      List<String> queries,
      List<NoteReference> references,
      boolean whole) {
    if (!turn.usage().equals(TokenUsage.NONE)) {
      turn.sink().emit(new ChatEvent.Usage(turn.usage()));
    }
    turn.sink().emit(new ChatEvent.Done());
    return new ChatOutcome.Answered(
        turn.conversation().id(), turn.turnId(), answer, queries, references, turn.usage(), whole);
  }
}
