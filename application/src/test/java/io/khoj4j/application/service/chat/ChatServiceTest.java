package io.khoj4j.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.SyncMode;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.in.model.ConfigureChatModelsCommand;
import io.khoj4j.application.port.out.chat.TokenCounter;
import io.khoj4j.application.port.out.content.FakeDocumentReader;
import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.application.port.out.content.IndexingMetrics;
import io.khoj4j.application.port.out.conversation.InMemoryConversationRepository;
import io.khoj4j.application.port.out.embedding.FakeEmbeddingModel;
import io.khoj4j.application.port.out.model.InMemoryChatModelRepository;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.InMemoryEntryRanker;
import io.khoj4j.application.port.out.search.InMemoryEntryTexts;
import io.khoj4j.application.port.out.search.Reranker;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.InMemorySecretBox;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.application.service.content.IndexContentService;
import io.khoj4j.application.service.content.IndexingLimits;
import io.khoj4j.application.service.content.ManageContentService;
import io.khoj4j.application.service.model.ChatModelService;
import io.khoj4j.application.service.search.DateFilterResolver;
import io.khoj4j.application.service.search.SearchEntriesService;
import io.khoj4j.application.service.search.SearchSettings;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChatServiceTest {

  private final InMemoryEntryRepository entries = new InMemoryEntryRepository();
  private final FakeEmbeddingModel embeddings = new FakeEmbeddingModel();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final SequentialIdGenerator ids = new SequentialIdGenerator();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-18T09:00:00Z"));
  private final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
  private final InMemoryChatModelRepository modelRepository = new InMemoryChatModelRepository();
  private final ChatModelService models = new ChatModelService(modelRepository, new InMemorySecretBox(),
      (url, key) -> List.of(), unitOfWork, ids);
  private final ScriptedGateway gateway = new ScriptedGateway();
  private final TokenCounter tokens = new TokenCounter() {
    @Override
    public int count(String text) {
      return text.split("\\s+").length;
    }

    @Override
    public int count(PromptMessage message) {
      return count(message.text()) + 4;
    }
  };
  private final ManageContentService content = new ManageContentService(entries, unitOfWork);
  private final SearchEntriesService search = new SearchEntriesService(embeddings,
      List.of(new InMemoryEntryRanker(entries, EntryRanker.Kind.VECTOR),
          new InMemoryEntryRanker(entries, EntryRanker.Kind.KEYWORD)),
      new InMemoryEntryTexts(entries), Reranker.NONE, new DateFilterResolver((p, t, f) -> Optional.empty()), clock,
      SearchSettings.defaults());
  private final ChatService chat = new ChatService(conversations, models, gateway, search, content, tokens,
      ChatTools.noneConfigured(), unitOfWork, ids, clock, Optional.empty());
  private final UserId alice = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());

  private static final class Recorder implements ChatEventSink {
    final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean cancel;

    @Override
    public void emit(ChatEvent event) {
      events.add(event);
      if (event instanceof ChatEvent.Text && cancelAfterFirstText) {
        cancel = true;
      }
    }

    boolean cancelAfterFirstText;

    @Override
    public boolean cancelled() {
      return cancel;
    }

    List<Class<?>> kinds() {
      return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    String text() {
      return events.stream().filter(e -> e instanceof ChatEvent.Text).map(e -> ((ChatEvent.Text) e).delta())
          .reduce("", String::concat);
    }
  }

  private void notes(UserId owner) {
    IndexContentService indexing = new IndexContentService(entries, embeddings, new FakeDocumentReader(),
        unitOfWork, ids, clock, IndexingLimits.defaults(), IndexingMetrics.NONE);
    indexing.index(new IndexContentCommand(owner, List.of(
        new UploadedFile("/notes/tea.md", "text/markdown", "# Tea\nI drink green tea every morning.".getBytes(
            StandardCharsets.UTF_8)),
        new UploadedFile("/notes/car.md", "text/markdown", "# Car\nThe car needs new tyres.".getBytes(
            StandardCharsets.UTF_8))), SyncMode.INCREMENTAL, Optional.empty()));
  }

  private void configureModel() {
    models.configure(new ConfigureChatModelsCommand.SaveModel(0, "llama3", "Llama 3", ModelVendor.OPENAI, 4096,
        false, ChatModel.PriceTier.FREE, null, null, null));
  }

  private static ChatCommand ask(UserId user, String q) {
    return new ChatCommand(user, q, 5, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        false, null, List.of(), List.of());
  }

  @Test
  void withoutAModelNotesAreSearchedAndListedAndThePersonIsToldHowToAddOne() {
    notes(alice);
    Recorder sink = new Recorder();

    ChatOutcome outcome = chat.chat(ask(alice, "/notes what tea do I drink"), sink);

    assertThat(sink.kinds()).containsExactly(ChatEvent.Metadata.class, ChatEvent.Status.class,
        ChatEvent.Status.class, ChatEvent.References.class, ChatEvent.StartResponse.class, ChatEvent.Text.class,
        ChatEvent.EndResponse.class, ChatEvent.Done.class);
    assertThat(sink.text()).contains("No language model is configured").contains("/notes/tea.md")
        .contains("OPENAI_BASE_URL");
    assertThat(outcome).isInstanceOfSatisfying(ChatOutcome.Answered.class, a -> {
      assertThat(a.references()).extracting(r -> r.file()).first().isEqualTo("/notes/tea.md");
      assertThat(conversations.messages(alice, a.conversationId())).extracting(ChatMessage::message)
          .containsExactly("what tea do I drink", a.response());
    });
  }

  @Test
  void withAModelTheAnswerStreamsInKhojsOrderAndTheTurnIsStored() {
    notes(alice);
    configureModel();
    gateway.completions.add("{\"source\": [\"notes\"], \"output\": \"text\"}");
    gateway.completions.add("{\"queries\": [\"green tea\", \"morning drink\"]}");
    gateway.streamDeltas = List.of("You drink ", "green tea.");
    Recorder sink = new Recorder();

    ChatOutcome outcome = chat.chat(ask(alice, "what do I drink"), sink);

    assertThat(sink.kinds()).startsWith(ChatEvent.Metadata.class, ChatEvent.Status.class, ChatEvent.Status.class,
        ChatEvent.Status.class, ChatEvent.References.class, ChatEvent.Status.class, ChatEvent.StartResponse.class,
        ChatEvent.Text.class, ChatEvent.Text.class, ChatEvent.EndResponse.class, ChatEvent.Usage.class)
        .endsWith(ChatEvent.Done.class);
    assertThat(sink.text()).isEqualTo("You drink green tea.");
    ChatEvent.References refs = (ChatEvent.References) sink.events.stream()
        .filter(e -> e instanceof ChatEvent.References).findFirst().orElseThrow();
    assertThat(refs.inferredQueries()).containsExactly("green tea", "morning drink");
    assertThat(refs.context()).extracting(r -> r.file()).contains("/notes/tea.md");
    ChatOutcome.Answered answered = (ChatOutcome.Answered) outcome;
    List<ChatMessage> stored = conversations.messages(alice, answered.conversationId());
    assertThat(stored).extracting(ChatMessage::message).containsExactly("what do I drink", "You drink green tea.");
    assertThat(stored.get(1).intent().inferredQueries()).containsExactly("green tea", "morning drink");
    assertThat(stored.get(1).context()).isNotEmpty();
    List<PromptMessage> prompt = gateway.requests.getLast().messages();
    assertThat(prompt.getFirst()).isInstanceOf(PromptMessage.System.class);
    assertThat(prompt.get(prompt.size() - 2).text()).contains("File: /notes/tea.md");
    assertThat(prompt.getLast().text()).isEqualTo("what do I drink");
  }

  @Test
  void theConversationContinuesAndHistoryIsTrimmedToTheBudget() {
    configureModel();
    ChatOutcome.Answered first = (ChatOutcome.Answered) chat.chat(ask(alice, "/general " + "word ".repeat(3500)),
        new Recorder());
    chat.chat(new ChatCommand(alice, "/general second question", 5, Optional.empty(),
        Optional.of(first.conversationId()), Optional.empty(), Optional.empty(), false, null, List.of(), List.of()),
        new Recorder());
    chat.chat(new ChatCommand(alice, "/general third question", 5, Optional.empty(),
        Optional.of(first.conversationId()), Optional.empty(), Optional.empty(), false, null, List.of(), List.of()),
        new Recorder());

    List<PromptMessage> prompt = gateway.requests.getLast().messages();
    assertThat(prompt).extracting(PromptMessage::text).contains("second question")
        .noneMatch(t -> t.startsWith("word word"));
    assertThat(conversations.messages(alice, first.conversationId())).hasSize(6);
  }

  /** Notes of {@code words} words each, one entry per file, all about tea. */
  private void longNotes(UserId owner, int files, int words) {
    IndexContentService indexing = new IndexContentService(entries, embeddings, new FakeDocumentReader(),
        unitOfWork, ids, clock, new IndexingLimits(100L << 20, 50L << 20, 0, 10_000, 32), IndexingMetrics.NONE);
    List<UploadedFile> uploads = new java.util.ArrayList<>();
    for (int i = 1; i <= files; i++) {
      uploads.add(new UploadedFile("/notes/tea" + i + ".md", "text/markdown", ("# Tea " + i + "\n"
          + ("leaf" + i + " ").repeat(words) + "tea").getBytes(StandardCharsets.UTF_8)));
    }
    indexing.index(new IndexContentCommand(owner, uploads, SyncMode.INCREMENTAL, Optional.empty()));
  }

  private void configureModel(int maxPromptSize) {
    models.configure(new ConfigureChatModelsCommand.SaveModel(0, "small", "Small", ModelVendor.OPENAI,
        maxPromptSize, false, ChatModel.PriceTier.FREE, null, null, null));
  }

  private int size(List<PromptMessage> prompt) {
    return prompt.stream().mapToInt(tokens::count).sum();
  }

  private static ChatEvent.References references(Recorder sink) {
    return (ChatEvent.References) sink.events.stream().filter(e -> e instanceof ChatEvent.References).findFirst()
        .orElseThrow();
  }

  @Test
  void notesThatOverflowTheModelAreTrimmedHistoryFirstThenTheWeakestNotes() {
    configureModel(2048);
    ChatOutcome.Answered earlier = (ChatOutcome.Answered) chat.chat(ask(alice, "/general hello there"),
        new Recorder());
    longNotes(alice, 5, 600);
    gateway.completions.add("{\"queries\": [\"tea\"]}");
    Recorder sink = new Recorder();

    chat.chat(new ChatCommand(alice, "/notes which tea", 5, Optional.empty(), Optional.of(earlier.conversationId()),
        Optional.empty(), Optional.empty(), false, null, List.of(), List.of()), sink);

    List<PromptMessage> prompt = gateway.requests.getLast().messages();
    List<String> found = references(sink).context().stream().map(r -> r.file()).toList();
    assertThat(found).hasSize(5);
    assertThat(size(prompt)).isLessThanOrEqualTo(PromptBudget.promptLimit(2048));
    assertThat(prompt).extracting(PromptMessage::text).noneMatch(t -> t.contains("hello there"));
    String notes = prompt.get(prompt.size() - 2).text();
    assertThat(notes).contains("File: " + found.get(0), "File: " + found.get(1))
        .doesNotContain("File: " + found.get(3), "File: " + found.get(4));
  }

  @Test
  void aNoteTooLongForTheModelIsCutSoThePromptStillFits() {
    configureModel(1024);
    longNotes(alice, 1, 3000);
    gateway.completions.add("{\"queries\": [\"tea\"]}");
    Recorder sink = new Recorder();

    chat.chat(ask(alice, "/notes which tea"), sink);

    List<PromptMessage> prompt = gateway.requests.getLast().messages();
    assertThat(size(prompt)).isLessThanOrEqualTo(PromptBudget.promptLimit(1024));
    assertThat(prompt.get(prompt.size() - 2).text()).contains("File: /notes/tea1.md", "leaf1 leaf1")
        .endsWith(PromptBudget.CUT_MARK.strip());
    assertThat(prompt.getLast().text()).isEqualTo("which tea");
  }

  @Test
  void anEmptyQuestionGetsAShortAnswerAndNothingIsStored() {
    Recorder sink = new Recorder();

    assertThat(chat.chat(ask(alice, "   "), sink)).isInstanceOf(ChatOutcome.ShortAnswer.class);
    assertThat(sink.text()).isEqualTo("Please ask your query to get started.");
    assertThat(sink.kinds()).doesNotContain(ChatEvent.Metadata.class);
    assertThat(conversations.count(alice)).isZero();
  }

  @Test
  void anUnknownOrAnotherUsersConversationIsNotFoundAndNothingIsStored() {
    configureModel();
    ChatOutcome.Answered mine = (ChatOutcome.Answered) chat.chat(ask(alice, "/general hi"), new Recorder());
    Recorder sink = new Recorder();

    ChatOutcome outcome = chat.chat(new ChatCommand(bob, "/general read it", 5, Optional.empty(),
        Optional.of(mine.conversationId()), Optional.empty(), Optional.empty(), false, null, List.of(), List.of()),
        sink);

    assertThat(outcome).isInstanceOf(ChatOutcome.ShortAnswer.class);
    assertThat(sink.text()).isEqualTo("Conversation " + mine.conversationId() + " not found");
    assertThat(conversations.count(bob)).isZero();
    assertThat(conversations.messages(alice, mine.conversationId())).hasSize(2);
  }

  @Test
  void aModelFailureIsReportedAndNothingIsStored() {
    configureModel();
    gateway.streamFailure = new UpstreamFailureException("HTTP 503", true, null);
    Recorder sink = new Recorder();

    ChatOutcome outcome = chat.chat(ask(alice, "/general hi"), sink);

    assertThat(outcome).isInstanceOf(ChatOutcome.Failed.class);
    assertThat(sink.text()).contains("unavailable right now");
    assertThat(sink.kinds()).endsWith(ChatEvent.EndResponse.class, ChatEvent.Done.class);
    assertThat(conversations.count(alice)).isZero();
  }

  @Test
  void aClientThatLeavesStopsTheModelAndNothingIsStored() {
    configureModel();
    gateway.streamDeltas = List.of("a", "b", "c", "d", "e", "f");
    gateway.pauseBetweenDeltasMillis = 150;
    Recorder sink = new Recorder();
    sink.cancelAfterFirstText = true;

    ChatOutcome outcome = chat.chat(ask(alice, "/general hi"), sink);

    assertThat(outcome).isInstanceOf(ChatOutcome.Cancelled.class);
    assertThat(gateway.cancelled).isTrue();
    assertThat(conversations.count(alice)).isZero();
  }

  @Test
  void aClientThatLeavesWhileTheSourcesAreChosenCostsNoFurtherModelCall() {
    notes(alice);
    configureModel();
    gateway.completions.add("{\"source\": [\"notes\"], \"output\": \"text\"}");
    gateway.completions.add("{\"queries\": [\"green tea\"]}");
    Recorder sink = new Recorder();
    gateway.whileCompleting = () -> sink.cancel = true;

    ChatOutcome outcome = chat.chat(ask(alice, "what do I drink"), sink);

    assertThat(outcome).isInstanceOf(ChatOutcome.Cancelled.class);
    assertThat(gateway.requests).hasSize(1);
    assertThat(sink.kinds()).doesNotContain(ChatEvent.References.class, ChatEvent.StartResponse.class);
    assertThat(conversations.count(alice)).isZero();
  }

  @Test
  void aClientThatLeavesWhileSearchQueriesAreWrittenGetsNoSearchAndNoAnswer() {
    notes(alice);
    configureModel();
    gateway.completions.add("{\"queries\": [\"green tea\"]}");
    Recorder sink = new Recorder();
    gateway.whileCompleting = () -> sink.cancel = true;

    ChatOutcome outcome = chat.chat(ask(alice, "/notes what do I drink"), sink);

    assertThat(outcome).isInstanceOf(ChatOutcome.Cancelled.class);
    assertThat(gateway.requests).hasSize(1);
    assertThat(sink.events).noneMatch(e -> e instanceof ChatEvent.Status s && s.text().startsWith("**Searching"));
    assertThat(conversations.count(alice)).isZero();
  }

  @Test
  void aHelperCallStillRunningWhenTheClientLeavesIsAbandoned() {
    notes(alice);
    configureModel();
    gateway.helpersHang = true;
    Recorder sink = new Recorder();
    Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
      sink.cancel = true;
    });

    ChatOutcome outcome = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
        () -> chat.chat(ask(alice, "what do I drink"), sink));

    assertThat(outcome).isInstanceOf(ChatOutcome.Cancelled.class);
    assertThat(gateway.helperAbandoned).isTrue();
    assertThat(gateway.requests).hasSize(1);
    assertThat(conversations.count(alice)).isZero();
  }

  @Test
  void unconfiguredCapabilitiesSaySoAndStoreNothing() {
    configureModel();
    for (String command : List.of("/online", "/webpage", "/image", "/diagram", "/code", "/research")) {
      Recorder sink = new Recorder();

      ChatOutcome outcome = chat.chat(ask(alice, command + " something"), sink);

      assertThat(outcome).isInstanceOf(ChatOutcome.ShortAnswer.class);
      assertThat(sink.text()).contains("not configured").contains(command);
    }
    assertThat(conversations.count(alice)).isZero();
  }

  @Test
  void notesWithoutNotesSaysSo() {
    Recorder sink = new Recorder();

    chat.chat(ask(alice, "/notes anything"), sink);

    assertThat(sink.text()).contains("not synced any notes");
  }

  @Test
  void generalSkipsTheNotes() {
    notes(alice);
    configureModel();
    Recorder sink = new Recorder();

    chat.chat(ask(alice, "/general tea"), sink);

    assertThat(sink.events).filteredOn(e -> e instanceof ChatEvent.Status)
        .extracting(e -> ((ChatEvent.Status) e).text()).containsExactly("**Generating a well-informed response**");
    assertThat(sink.kinds()).contains(ChatEvent.References.class);
    assertThat(gateway.requests).hasSize(1);
  }

  @Test
  void theQuestionIsUrlDecodedButPlusSignsStay() {
    assertThat(ChatService.percentDecode("%2Fnotes%20caf%C3%A9%20c++")).isEqualTo("/notes café c++");
    assertThat(ChatService.percentDecode("100% sure %zz")).isEqualTo("100% sure %zz");
  }

  @Test
  void lenientJsonReading() {
    assertThat(ChatService.jsonStrings("```json\n{\"queries\": [\"a \\\"b\\\"\", \"c\"]}\n```", "queries"))
        .containsExactly("a \"b\"", "c");
    assertThat(ChatService.jsonStrings("no json here", "queries")).isEmpty();
  }
}
