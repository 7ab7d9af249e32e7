package io.khoj4j.application.service.chat;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.port.in.chat.ChatUseCase;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.search.SearchEntriesQuery;
import io.khoj4j.application.port.in.search.SearchEntriesUseCase;
import io.khoj4j.application.port.in.search.SearchResult;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.application.port.out.chat.TokenCounter;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.model.ChatModelService;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.Intent;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.chat.Speaker;
import io.khoj4j.domain.chat.TokenUsage;
import io.khoj4j.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chat turn, in Khoj's order of events: metadata, the sources chosen, the notes searched, references, the answer
 * streamed as the model writes it, usage, end. A turn is stored only when it is complete — the question and the
 * answer together, in one short transaction after the model has finished; a failed or abandoned turn leaves nothing
 * behind. No transaction is open while a model or search runs.
 */
public final class ChatService implements ChatUseCase {

  private static final Logger LOG = System.getLogger(ChatService.class.getName());
  private static final Pattern PERCENT = Pattern.compile("%([0-9A-Fa-f]{2})");
  private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  static final int MAX_SEARCH_QUERIES = 5;

  private final ConversationRepository conversations;
  private final ChatModelService models;
  private final ChatModelGateway gateway;
  private final SearchEntriesUseCase search;
  private final QueryContentUseCase content;
  private final TokenCounter tokens;
  private final ChatTools tools;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;
  private final Optional<Double> notesMaxDistance;
  private final QueryWriter queryWriter;
  private final SourcePicker picker;
  private final ToolRunner toolRunner;

  public ChatService(ConversationRepository conversations, ChatModelService models, ChatModelGateway gateway,
      SearchEntriesUseCase search, QueryContentUseCase content, TokenCounter tokens, ChatTools tools,
      UnitOfWork unitOfWork, IdGenerator ids, Clock clock, Optional<Double> notesMaxDistance) {
    this.conversations = conversations;
    this.models = models;
    this.gateway = gateway;
    this.search = search;
    this.content = content;
    this.tokens = tokens;
    this.tools = tools;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
    this.notesMaxDistance = notesMaxDistance;
    ModelCalls calls = new ModelCalls(gateway);
    this.queryWriter = new QueryWriter(calls, clock);
    this.picker = new SourcePicker(calls, tools);
    this.toolRunner = new ToolRunner(tools, gateway, queryWriter, clock);
  }

  @Override
  public ChatOutcome chat(ChatCommand command, ChatEventSink sink) {
    String q = percentDecode(command.q());
    if (q.isBlank()) {
      return shortAnswer(sink, "Please ask your query to get started.");
    }
    UserId user = command.user();
    ConversationCommand.Parsed parsed = ConversationCommand.parse(q);

    Optional<Conversation> existing;
    if (command.createNew()) {
      existing = Optional.empty();
    } else if (command.conversationId().isPresent()) {
      existing = conversations.find(user, command.conversationId().get());
      if (existing.isEmpty()) {
        return shortAnswer(sink, "Conversation " + command.conversationId().get() + " not found");
      }
    } else if (command.title().isPresent()) {
      existing = conversations.findByTitle(user, command.title().get());
    } else {
      existing = conversations.latest(user);
    }
    Instant now = clock.instant();
    Conversation conversation = existing.orElseGet(() -> new Conversation(ids.newId(), user,
        command.title().orElse(null), null, "khoj", List.of(), now, now));
    String turnId = command.turnId().orElseGet(() -> ids.newId().toString());
    sink.emit(new ChatEvent.Metadata(conversation.id(), turnId));

    Optional<String> unavailable = tools.unavailableMessage(parsed.command());
    if (unavailable.isPresent()) {
      return answerWithoutModel(sink, unavailable.get());
    }

    Optional<ChatModelEndpoint> model = models.endpointFor(user);
    List<ChatMessage> history = existing.map(c -> conversations.messages(user, c.id())).orElse(List.of());
    boolean hasNotes = content.overview(new ContentQuery.Overview(user)).hasDocuments();
    List<Thoughts> thoughts = new ArrayList<>();
    TokenUsage usage = TokenUsage.NONE;

    ToolPlan plan;
    switch (parsed.command()) {
      case NOTES -> {
        if (!hasNotes) {
          return answerWithoutModel(sink, Prompts.render("no-notes.md", Map.of()));
        }
        plan = ToolPlan.forCommand(ConversationCommand.NOTES);
      }
      case DEFAULT, AUTOMATED_TASK -> {
        SourcePicker.Selection selection = picker.pick(model, parsed.text(), history, hasNotes, sink::cancelled);
        if (sink.cancelled()) {
          return new ChatOutcome.Cancelled();
        }
        usage = usage.plus(selection.usage());
        plan = selection.plan();
        status(sink, thoughts, "**Selected Tools:** " + plan.describe());
      }
      default -> plan = ToolPlan.forCommand(parsed.command());
    }
    boolean useNotes = plan.uses(ConversationCommand.NOTES);

    List<String> inferred = List.of();
    List<NoteReference> references = List.of();
    if (useNotes) {
      QueryWriter.Queries queries = searchQueries(model, parsed.text(), history, command, sink);
      if (sink.cancelled()) {
        return new ChatOutcome.Cancelled();
      }
      usage = usage.plus(queries.usage());
      inferred = queries.queries();
      status(sink, thoughts, "**Searching Documents for:** \n- " + String.join("\n- ", inferred));
      references = searchNotes(user, inferred, conversation.fileFilters(), command);
      Set<String> files = new LinkedHashSet<>();
      references.forEach(r -> files.add(r.file()));
      status(sink, thoughts, "**Found " + references.size() + " Notes Across " + files.size() + " Files**: \n- "
          + String.join("\n- ", files));
    }
    ToolTurn turn = new ToolTurn(model, parsed.text(), history, command, sink, text -> status(sink, thoughts, text));
    ToolFindings found = toolRunner.gather(plan, turn, references);
    if (!found.notes().isEmpty()) {
      List<NoteReference> all = new ArrayList<>(references);
      all.addAll(found.notes());
      references = List.copyOf(all);
    }
    if (sink.cancelled()) {
      return new ChatOutcome.Cancelled();
    }
    sink.emit(new ChatEvent.References(inferred, references, found.onlineContext(), found.codeContext()));
    toolRunner.create(plan, turn, found);
    usage = usage.plus(found.usage());

    String answer;
    if (model.isEmpty()) {
      answer = noModelAnswer(references);
      respond(sink, answer);
    } else {
      status(sink, thoughts, "**Generating a well-informed response**");
      List<PromptMessage> prompt = buildPrompt(model.get(), parsed.text(), history, references,
          found.promptContext(), command);
      ModelAnswer result = streamAnswer(model.get(), prompt, sink);
      if (result.outcome() != null) {
        return result.outcome();
      }
      answer = result.text();
      usage = usage.plus(result.usage());
      if (!result.thought().isEmpty()) {
        thoughts.add(new Thoughts("thought", result.thought()));
      }
    }
    if (sink.cancelled()) {
      return new ChatOutcome.Cancelled();
    }

    saveTurn(conversation, turnId, parsed.text(), answer, inferred, references, found, thoughts, command, usage);
    if (!usage.equals(TokenUsage.NONE)) {
      sink.emit(new ChatEvent.Usage(usage));
    }
    sink.emit(new ChatEvent.Done());
    return new ChatOutcome.Answered(conversation.id(), turnId, answer, inferred, references, usage);
  }

  // ------------------------------------------------------------------ steps

  private record Thoughts(String type, String data) {}

  /** Up to five search queries written by the model; the message itself when there is no model or it fails. */
  private QueryWriter.Queries searchQueries(Optional<ChatModelEndpoint> model, String q, List<ChatMessage> history,
      ChatCommand command, ChatEventSink sink) {
    return queryWriter.write("extract-queries.txt", MAX_SEARCH_QUERIES, model, q, history, command.location(),
        sink::cancelled);
  }

  /** Hybrid search for each query; the conversation's file filters narrow it; duplicates across queries go. */
  private List<NoteReference> searchNotes(UserId user, List<String> queries, List<String> fileFilters,
      ChatCommand command) {
    String filters = fileFilters.stream().map(f -> " file:\"" + f.replace("\"", "") + "\"").reduce("", String::concat);
    Map<String, NoteReference> byText = new LinkedHashMap<>();
    for (String query : queries) {
      List<SearchResult> results = search.search(new SearchEntriesQuery(user, query + filters,
          Math.max(1, Math.min(command.n(), SearchEntriesQuery.MAX_RESULTS)), Optional.empty(), true,
          command.maxDistance().or(() -> notesMaxDistance), false));
      for (SearchResult r : results) {
        byText.putIfAbsent(r.compiled(), new NoteReference(query, r.entry(), r.file(), r.uri()));
      }
    }
    return List.copyOf(byText.values());
  }

  private List<PromptMessage> buildPrompt(ChatModelEndpoint model, String q, List<ChatMessage> history,
      List<NoteReference> references, List<String> toolContext, ChatCommand command) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String location = command.location().describe();
    PromptMessage system = new PromptMessage.System(Prompts.render("system.txt", Map.of(
        "weekday", today.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
        "date", today.toString(),
        "location", location.isEmpty() ? "" : "\nThe user is in " + location + ".",
        "name", "")));
    String question = q;
    if (!command.files().isEmpty()) {
      StringBuilder files = new StringBuilder();
      command.files().forEach(f -> files.append("File: ").append(f.name()).append("\n\n").append(f.content())
          .append("\n\n"));
      question = Prompts.render("attached-files.txt", Map.of("files", files.toString())) + "\n\n" + q;
    }
    PromptMessage asked = new PromptMessage.User(question, model.vision() ? command.images() : List.of());

    List<PromptMessage> tools = toolContext.stream().<PromptMessage>map(PromptMessage.User::new).toList();
    int fixed = tokens.count(system) + tokens.count(asked) + tools.stream().mapToInt(tokens::count).sum();
    PromptBudget.Fitted fitted = PromptBudget.fit(PromptBudget.promptLimit(model.maxPromptTokens()), fixed,
        historyMessages(history), references, ChatService::notesMessage, tokens);
    List<PromptMessage> prompt = new ArrayList<>();
    prompt.add(system);
    prompt.addAll(fitted.history());
    if (!fitted.notes().isEmpty()) {
      prompt.add(notesMessage(fitted.notes()));
    }
    prompt.addAll(tools);
    prompt.add(asked);
    return prompt;
  }

  /** The prompt message that gives the model the notes found. */
  static PromptMessage notesMessage(List<NoteReference> references) {
    StringBuilder notes = new StringBuilder();
    for (NoteReference r : references) {
      notes.append("File: ").append(r.file()).append("\n").append(r.compiled().strip()).append("\n\n");
    }
    return new PromptMessage.User(Prompts.render("notes-context.txt", Map.of("notes", notes.toString())));
  }

  private static List<PromptMessage> historyMessages(List<ChatMessage> history) {
    List<PromptMessage> out = new ArrayList<>();
    for (ChatMessage m : history) {
      if (m.message().isBlank()) {
        continue;
      }
      out.add(m.by() == Speaker.YOU ? new PromptMessage.User(m.message()) : new PromptMessage.Assistant(m.message()));
    }
    return out;
  }

  private record ModelAnswer(String text, String thought, TokenUsage usage, ChatOutcome outcome) {}

  /**
   * Streams the answer to the sink; stops the model when the client leaves. Reasoning comes first as thoughts; the
   * answer starts ({@code start_llm_response}) with its first text, or at the end when the model wrote none.
   */
  private ModelAnswer streamAnswer(ChatModelEndpoint model, List<PromptMessage> prompt, ChatEventSink sink) {
    CompletableFuture<ChatCompletion> done = new CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    AtomicBoolean started = new AtomicBoolean();
    Runnable start = () -> {
      if (started.compareAndSet(false, true)) {
        sink.emit(new ChatEvent.StartResponse());
      }
    };
    ChatStream stream = gateway.stream(ChatCompletionRequest.of(model, prompt), new ChatStreamListener() {
      @Override
      public void onText(String delta) {
        start.run();
        synchronized (text) {
          text.append(delta);
        }
        sink.emit(new ChatEvent.Text(delta));
      }

      @Override
      public void onThought(String delta) {
        sink.emit(new ChatEvent.Thought(delta));
      }

      @Override
      public void onComplete(ChatCompletion completion) {
        done.complete(completion);
      }

      @Override
      public void onError(UpstreamFailureException error, boolean deliveredAnything) {
        done.completeExceptionally(error);
      }
    });
    while (true) {
      try {
        ChatCompletion completion = done.get(100, TimeUnit.MILLISECONDS);
        String answer;
        synchronized (text) {
          answer = text.isEmpty() ? completion.text() : text.toString();
        }
        start.run();
        if (text.isEmpty() && !completion.text().isEmpty()) {
          sink.emit(new ChatEvent.Text(completion.text()));
        }
        sink.emit(new ChatEvent.EndResponse());
        return new ModelAnswer(answer, completion.thought() == null ? "" : completion.thought(), completion.usage(),
            null);
      } catch (TimeoutException stillRunning) {
        if (sink.cancelled()) {
          stream.cancel();
          return new ModelAnswer("", "", TokenUsage.NONE, new ChatOutcome.Cancelled());
        }
      } catch (ExecutionException e) {
        UpstreamFailureException failure = e.getCause() instanceof UpstreamFailureException u ? u
            : new UpstreamFailureException("The language model failed", true, e.getCause());
        LOG.log(Level.WARNING, "Chat model {0} failed: {1}", model.modelName(), failure.getMessage());
        start.run();
        sink.emit(new ChatEvent.Text("\n\n" + failureText(failure)));
        sink.emit(new ChatEvent.EndResponse());
        sink.emit(new ChatEvent.Done());
        return new ModelAnswer("", "", TokenUsage.NONE, new ChatOutcome.Failed(failure));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stream.cancel();
        return new ModelAnswer("", "", TokenUsage.NONE, new ChatOutcome.Cancelled());
      }
    }
  }

  static String failureText(UpstreamFailureException failure) {
    return failure.retryable()
        ? "⚠️ The language model is unavailable right now (" + failure.getMessage() + "). Please try again shortly."
        : "⚠️ The language model refused the request (" + failure.getMessage() + ").";
  }

  private String noModelAnswer(List<NoteReference> references) {
    String found;
    if (references.isEmpty()) {
      found = "";
    } else {
      StringBuilder sb = new StringBuilder("These notes look most relevant to your question:\n\n");
      for (NoteReference r : references) {
        String firstLine = r.compiled().strip().lines().findFirst().orElse("");
        sb.append("- [").append(r.file()).append("](").append(r.uri()).append("): ")
            .append(firstLine.length() > 160 ? firstLine.substring(0, 160) + "…" : firstLine).append('\n');
      }
      found = sb.toString();
    }
    return Prompts.render("no-model.md", Map.of("found", found.isEmpty() ? "" : "\n\n" + found.strip()));
  }

  private void saveTurn(Conversation conversation, String turnId, String q, String answer, List<String> inferred,
      List<NoteReference> references, ToolFindings found, List<Thoughts> thoughts, ChatCommand command,
      TokenUsage usage) {
    Instant at = clock.instant();
    ChatMessage question = ChatMessage.fromUser(q, at, turnId, command.images(),
        command.files().stream().map(ChatCommand.AttachedFile::asMap).toList());
    ChatMessage reply = new ChatMessage(Speaker.KHOJ, answer, at, turnId, references, found.onlineContext(),
        found.codeContext(), thoughts.stream().map(t -> new ChatMessage.Thought(t.type(), t.data())).toList(),
        new Intent("remember", q, "notes", inferred), found.images(), List.of(),
        found.mermaidjsDiagram().orElse(null));
    String slug = q.length() > Conversation.MAX_SLUG ? q.substring(0, Conversation.MAX_SLUG) : q;
    unitOfWork.run(() -> {
      conversations.createIfAbsent(conversation);
      conversations.appendMessages(conversation.owner(), conversation.id(), List.of(question, reply), slug, at);
    });
  }

  // ------------------------------------------------------------------ small helpers

  private static void status(ChatEventSink sink, List<Thoughts> thoughts, String text) {
    thoughts.add(new Thoughts("status", text));
    sink.emit(new ChatEvent.Status(text));
  }

  private static ChatOutcome shortAnswer(ChatEventSink sink, String text) {
    respond(sink, text);
    sink.emit(new ChatEvent.Done());
    return new ChatOutcome.ShortAnswer(text);
  }

  /** A fixed answer after the metadata: nothing is searched, nothing stored. */
  private static ChatOutcome answerWithoutModel(ChatEventSink sink, String text) {
    sink.emit(new ChatEvent.References(List.of(), List.of(), Map.of(), Map.of()));
    return shortAnswer(sink, text);
  }

  private static void respond(ChatEventSink sink, String text) {
    sink.emit(new ChatEvent.StartResponse());
    sink.emit(new ChatEvent.Text(text));
    sink.emit(new ChatEvent.EndResponse());
  }

  static String formatHistory(List<ChatMessage> history, int lastMessages) {
    List<ChatMessage> recent = history.subList(Math.max(0, history.size() - lastMessages), history.size());
    StringBuilder sb = new StringBuilder();
    for (ChatMessage m : recent) {
      sb.append(m.by() == Speaker.YOU ? "User: " : "Assistant: ").append(m.message().strip()).append('\n');
    }
    return sb.isEmpty() ? "(none)" : sb.toString().strip();
  }

  /** The strings of a JSON array field, read leniently (models wrap JSON in prose or code fences). */
  static List<String> jsonStrings(String text, String field) {
    int key = text.indexOf("\"" + field + "\"");
    if (key < 0) {
      return List.of();
    }
    int open = text.indexOf('[', key);
    int close = text.indexOf(']', open + 1);
    if (open < 0 || close < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Matcher m = JSON_STRING.matcher(text.substring(open + 1, close));
    while (m.find()) {
      String s = m.group(1).replace("\\\"", "\"").replace("\\n", " ").replace("\\\\", "\\").strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Khoj URL-decodes {@code q} (percent escapes only; a literal {@code +} stays a plus). */
  static String percentDecode(String q) {
    if (q.indexOf('%') < 0) {
      return q;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < q.length()) {
      Matcher m = PERCENT.matcher(q).region(i, q.length());
      if (q.charAt(i) == '%' && m.lookingAt()) {
        bytes.reset();
        while (i < q.length() && q.charAt(i) == '%' && PERCENT.matcher(q).region(i, q.length()).lookingAt()) {
          bytes.write(Integer.parseInt(q.substring(i + 1, i + 3), 16));
          i += 3;
        }
        out.append(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
      } else {
        out.append(q.charAt(i++));
      }
    }
    return out.toString();
  }
}
