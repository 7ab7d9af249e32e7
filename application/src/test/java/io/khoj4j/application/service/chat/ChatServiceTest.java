package io.khoj4j.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.agent.AgentSettings;
import io.khoj4j.application.port.in.agent.CreateAgentCommand;
import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.AutomationSpec;
import io.khoj4j.application.port.in.automation.CreateAutomationCommand;
import io.khoj4j.application.port.in.automation.CreateAutomationUseCase;
import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.SyncMode;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.in.model.ConfigureChatModelsCommand;
import io.khoj4j.application.port.out.agent.InMemoryAgentKnowledge;
import io.khoj4j.application.port.out.agent.InMemoryAgentRepository;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.InMemoryStoppingTurns;
import io.khoj4j.application.port.out.chat.StoppingTurns;
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
import io.khoj4j.application.port.out.tools.CodeSandbox;
import io.khoj4j.application.port.out.tools.DiagramValidator;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.InMemoryCodeSandbox;
import io.khoj4j.application.port.out.tools.InMemoryDiagramValidator;
import io.khoj4j.application.port.out.tools.InMemoryImageGenerator;
import io.khoj4j.application.port.out.tools.InMemoryToolServers;
import io.khoj4j.application.port.out.tools.InMemoryWebReader;
import io.khoj4j.application.port.out.tools.InMemoryWebSearch;
import io.khoj4j.application.port.out.tools.ToolServers;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebSearch;
import io.khoj4j.application.service.agent.CreateAgentService;
import io.khoj4j.application.service.agent.EnsureDefaultAgentService;
import io.khoj4j.application.service.agent.PersonaSafetyCheck;
import io.khoj4j.application.service.agent.ResolveAgentService;
import io.khoj4j.application.service.chat.prompt.PromptBudget;
import io.khoj4j.application.service.chat.tool.ChatTools;
import io.khoj4j.application.service.content.IndexContentService;
import io.khoj4j.application.service.content.IndexingLimits;
import io.khoj4j.application.service.content.QueryContentService;
import io.khoj4j.application.service.memory.ChatMemory;
import io.khoj4j.application.service.model.ChatModelSelectionService;
import io.khoj4j.application.service.model.ConfigureChatModelsService;
import io.khoj4j.application.service.search.DateFilterResolver;
import io.khoj4j.application.service.search.SearchEntriesService;
import io.khoj4j.application.service.search.SearchSettings;
import io.khoj4j.application.service.subscription.NoBilling;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.automation.Crontime;
import io.khoj4j.domain.chat.AttachedFile;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.CodeRun;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.OnlineResult;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
  private final InMemorySecretBox secretBox = new InMemorySecretBox();
  private final ChatModelSelectionService models =
      new ChatModelSelectionService(modelRepository, secretBox, NoBilling.tiers());
  private final ConfigureChatModelsService configureModels =
      new ConfigureChatModelsService(modelRepository, secretBox, unitOfWork, ids);
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
  private final QueryContentService content = new QueryContentService(entries);
  private final SearchEntriesService search = new SearchEntriesService(
      embeddings,
      List.of(
          new InMemoryEntryRanker(entries, EntryRanker.Kind.VECTOR),
          new InMemoryEntryRanker(entries, EntryRanker.Kind.KEYWORD)),
      new InMemoryEntryTexts(entries),
      Reranker.NONE,
      new DateFilterResolver((p, t, f) -> Optional.empty()),
      clock,
      SearchSettings.defaults());
  /** Automations the chat asked to create; answers as the automation service would, in words without a calendar. */
  private final List<CreateAutomationCommand> automationsCreated = new ArrayList<>();

  private final CreateAutomationUseCase createAutomation = command -> {
    AutomationSpec r = command.request();
    if (r.crontime().startsWith("*")) {
      throw new InvalidInputException(
          "Minute level recurrence is unsupported. Please create a less frequent schedule.");
    }
    automationsCreated.add(command);
    Automation automation = new Automation(
        UUID.randomUUID(),
        command.owner(),
        r.subject().orElse("task"),
        Automation.taskQuery(r.query()),
        r.query(),
        Crontime.parse(r.crontime()),
        ZoneId.of(r.timezone().orElse("UTC")),
        UUID.randomUUID(),
        clock.instant());
    return new AutomationDetails(
        automation, "at 09:00 AM, only on Monday", Optional.of(clock.instant()));
  };
  private final InMemoryAgentRepository agentRepository = new InMemoryAgentRepository();
  private final SequentialIdGenerator agentIds = new SequentialIdGenerator();
  private final CreateAgentService agentCreator = new CreateAgentService(
      agentRepository,
      modelRepository,
      new InMemoryAgentKnowledge(),
      new PersonaSafetyCheck(gateway, user -> Optional.empty()),
      unitOfWork,
      agentIds,
      clock);
  private final ResolveAgentService agents = new ResolveAgentService(
      agentRepository,
      modelRepository,
      new EnsureDefaultAgentService(agentRepository, unitOfWork, agentIds, clock));
  private final ChatService chat = new ChatService(
      conversations,
      models,
      gateway,
      new LenientReplyReader(),
      search,
      content,
      tokens,
      ChatTools.noneConfigured(),
      createAutomation,
      unitOfWork,
      ids,
      clock,
      Optional.empty(),
      agents,
      ChatMemory.off(),
      StoppingTurns.NONE);
  private final UserId alice = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());

  private static class Recorder implements ChatEventSink {
    final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean cancel;

    @Override
    public void emit(ChatEvent event) {
      events.add(event);
      if (event instanceof ChatEvent.Text && cancelAfterFirstText
          || cancelOn != null && cancelOn.isInstance(event)) {
        cancel = true;
      }
    }

    boolean cancelAfterFirstText;
    /** The client leaves as soon as it has an event of this kind. */
    Class<? extends ChatEvent> cancelOn;

    @Override
    public boolean cancelled() {
      return cancel;
    }

    List<Class<?>> kinds() {
      return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    String text() {
      return events.stream()
          .filter(e -> e instanceof ChatEvent.Text)
          .map(e -> ((ChatEvent.Text) e).delta())
          .reduce("", String::concat);
    }
  }

  private void notes(UserId owner) {
    IndexContentService indexing = new IndexContentService(
        entries,
        new io.khoj4j.application.port.out.content.InMemoryRefusedFileRepository(),
        embeddings,
        new FakeDocumentReader(),
        unitOfWork,
        ids,
        clock,
        IndexingLimits.defaults(),
        IndexingMetrics.NONE,
        new io.khoj4j.application.port.out.connector.InMemoryConnectorRepository());
    indexing.index(new IndexContentCommand(
        owner,
        List.of(
            new UploadedFile(
                "/notes/tea.md",
                "text/markdown",
                "# Tea\nI drink green tea every morning.".getBytes(StandardCharsets.UTF_8)),
            new UploadedFile(
                "/notes/car.md",
                "text/markdown",
                "# Car\nThe car needs new tyres.".getBytes(StandardCharsets.UTF_8))),
        SyncMode.INCREMENTAL,
        Optional.empty()));
  }

  private void configureModel() {
    configureModels.configure(new ConfigureChatModelsCommand.SaveModel(
        0,
        "llama3",
        "Llama 3",
        ModelVendor.OPENAI,
        4096,
        false,
        ChatModel.PriceTier.FREE,
        null,
        null,
        null));
  }

  private static ChatCommand ask(UserId user, String q) {
    return new ChatCommand(
        user,
        q,
        5,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        null,
        List.of(),
        List.of());
  }

  /** A conversation of {@code user} with the agent created by {@code creator} with these tools and modes. */
  private UUID conversationWithAgent(
      UserId creator,
      UserId user,
      Optional<String> model,
      Set<AgentInputTool> tools,
      Set<AgentOutputMode> modes) {
    Agent agent = agentCreator.create(new CreateAgentCommand(
        creator,
        new AgentSettings(
            "Tea Sommelier",
            "Always recommend a tea.",
            AgentPrivacy.PUBLIC,
            model,
            tools,
            modes,
            "green",
            "Leaf",
            false)));
    UUID id = UUID.randomUUID();
    conversations.createIfAbsent(new Conversation(
        id, user, null, null, agent.slug().value(), List.of(), clock.instant(), clock.instant()));
    return id;
  }

  private static ChatCommand askIn(UserId user, UUID conversation, String q) {
    return new ChatCommand(
        user,
        q,
        5,
        Optional.empty(),
        Optional.of(conversation),
        Optional.empty(),
        Optional.empty(),
        false,
        null,
        List.of(),
        List.of());
  }

  @Test
  void anAgentsPersonaIsTheSystemPromptAndItsModelAnswers() {
    configureModel();
    configureModels.configure(new ConfigureChatModelsCommand.SaveModel(
        0,
        "qwen3",
        "Qwen 3",
        ModelVendor.OPENAI,
        4096,
        false,
        ChatModel.PriceTier.FREE,
        null,
        null,
        null));
    UUID conversation =
        conversationWithAgent(alice, bob, Optional.of("Qwen 3"), Set.of(), Set.of());

    chat.chat(askIn(bob, conversation, "/general what should I drink"), new Recorder());

    ChatCompletionRequest answer = gateway.requests.getLast();
    assertThat(answer.model().modelName()).isEqualTo("qwen3");
    assertThat(answer.messages().getFirst().text())
        .startsWith("You are Tea Sommelier")
        .contains("Always recommend a tea.")
        .doesNotContain("You are Khoj");
  }

  @Test
  void theAgentsPersonaGuidesTheChoiceOfSourcesAndTheSearchQueries() {
    configureModel();
    UUID conversation = conversationWithAgent(
        alice,
        alice,
        Optional.empty(),
        Set.of(AgentInputTool.ONLINE, AgentInputTool.WEBPAGE),
        Set.of());
    gateway.completions.add("{\"source\": [\"online\"], \"output\": \"text\"}");
    gateway.completions.add("{\"queries\": [\"matcha prices\"]}");

    chatWithEveryTool(false).chat(askIn(alice, conversation, "what should I buy"), new Recorder());

    List<String> helperPrompts = gateway.requests.subList(0, 2).stream()
        .map(r -> r.messages().getLast().text())
        .toList();
    assertThat(helperPrompts.get(0))
        .contains("Decide where the answer")
        .startsWith("You are Tea Sommelier")
        .contains("Always recommend a tea.");
    assertThat(helperPrompts.get(1))
        .contains("web search queries")
        .startsWith("You are Tea Sommelier")
        .contains("Always recommend a tea.");
  }

  @Test
  void withoutAnAgentTheHelperPromptsHaveNoPersona() {
    configureModel();
    gateway.completions.add("{\"source\": [\"online\"], \"output\": \"text\"}");
    gateway.completions.add("{\"queries\": [\"matcha prices\"]}");

    chatWithEveryTool(false).chat(ask(alice, "what should I buy"), new Recorder());

    assertThat(gateway.requests.get(0).messages().getLast().text())
        .startsWith("Decide where the answer");
    assertThat(gateway.requests.get(1).messages().getLast().text()).startsWith("Write up to");
  }

  @Test
  void withoutAnAgentKhojsOwnPromptAndTheUsersModelAnswer() {
    configureModel();

    chat.chat(ask(alice, "/general hello"), new Recorder());

    ChatCompletionRequest answer = gateway.requests.getLast();
    assertThat(answer.model().modelName()).isEqualTo("llama3");
    assertThat(answer.messages().getFirst().text()).startsWith("You are Khoj");
  }

  @Test
  void anAgentWhoseModelWasRemovedAnswersWithTheUsersModel() {
    configureModel();
    configureModels.configure(new ConfigureChatModelsCommand.SaveModel(
        0,
        "qwen3",
        "Qwen 3",
        ModelVendor.OPENAI,
        4096,
        false,
        ChatModel.PriceTier.FREE,
        null,
        null,
        null));
    UUID conversation =
        conversationWithAgent(alice, alice, Optional.of("Qwen 3"), Set.of(), Set.of());
    long qwen = modelRepository.models().stream()
        .filter(m -> m.name().equals("qwen3"))
        .findFirst()
        .orElseThrow()
        .id();
    configureModels.configure(new ConfigureChatModelsCommand.DeleteModel(qwen));

    chat.chat(askIn(alice, conversation, "/general hello"), new Recorder());

    assertThat(gateway.requests.getLast().model().modelName()).isEqualTo("llama3");
  }

  @Test
  void aSlashCommandTheAgentWasNotGivenIsRefusedWithoutCallingAModel() {
    configureModel();
    UUID conversation = conversationWithAgent(
        alice, alice, Optional.empty(), Set.of(AgentInputTool.NOTES), Set.of());
    Recorder sink = new Recorder();

    ChatOutcome outcome =
        chatWithEveryTool(false).chat(askIn(alice, conversation, "/online matcha prices"), sink);

    assertThat(outcome).isInstanceOf(ChatOutcome.ShortAnswer.class);
    assertThat(sink.text())
        .isEqualTo("Tea Sommelier cannot use /online: its creator did not give it that tool. "
            + "Ask again without /online, or start a conversation with an agent that has it.");
    assertThat(gateway.requests).isEmpty();
    assertThat(conversations.messages(alice, conversation)).isEmpty();
  }

  @Test
  void imagesAndDiagramsAreRefusedToAnAgentWithoutThem() {
    configureModel();
    UUID conversation = conversationWithAgent(
        alice,
        alice,
        Optional.empty(),
        Set.of(AgentInputTool.ONLINE),
        Set.of(AgentOutputMode.DIAGRAM));
    ChatService withTools = chatWithEveryTool(false);

    Recorder image = new Recorder();
    withTools.chat(askIn(alice, conversation, "/image a teapot"), image);

    assertThat(image.text()).startsWith("Tea Sommelier cannot use /image");
    assertThat(painter.requests()).isEmpty();
    assertThat(gateway.requests).isEmpty();
  }

  @Test
  void anAgentResearchesWithOnlyTheSourcesItWasGiven() {
    notes(alice);
    configureModel();
    UUID conversation = conversationWithAgent(
        alice,
        alice,
        Optional.empty(),
        Set.of(AgentInputTool.ONLINE),
        Set.of(AgentOutputMode.DIAGRAM));
    gateway.completions.add("{\"thought\": \"Try the notes anyway.\", "
        + "\"tool\": \"semantic_search_files\", \"query\": \"tea\"}");
    Recorder research = new Recorder();

    chatWithEveryTool(false).chat(askIn(alice, conversation, "/research tea history"), research);

    String plan = gateway.requests.getFirst().messages().getFirst().text();
    assertThat(plan)
        .contains("- search_web:")
        .doesNotContain("- semantic_search_files:")
        .doesNotContain("- python_coder:")
        .doesNotContain("teashop/price");
    assertThat(statuses(research))
        .as("a tool the agent was not given is not run")
        .noneMatch(s -> s.startsWith("**Searching Documents"));
    assertThat(research.text()).isEqualTo("Hello world.");
  }

  @Test
  void theModelChoosesOnlyAmongTheAgentsToolsAndOutputs() {
    notes(alice);
    configureModel();
    UUID conversation = conversationWithAgent(
        alice,
        alice,
        Optional.empty(),
        Set.of(AgentInputTool.GENERAL, AgentInputTool.ONLINE),
        Set.of(AgentOutputMode.DIAGRAM));
    gateway.completions.add("{\"source\": [\"notes\", \"general\"], \"output\": \"image\"}");
    Recorder sink = new Recorder();

    chatWithEveryTool(false).chat(askIn(alice, conversation, "what tea do I drink"), sink);

    String picker = gateway.requests.getFirst().messages().stream()
        .map(PromptMessage::text)
        .reduce("", String::concat);
    assertThat(picker)
        .contains("- online:")
        .contains("- general:")
        .contains("- diagram:")
        .doesNotContain("- notes:")
        .doesNotContain("- webpage:")
        .doesNotContain("- code:")
        .doesNotContain("- image:");
    assertThat(sink.events)
        .filteredOn(e -> e instanceof ChatEvent.Status)
        .extracting(e -> ((ChatEvent.Status) e).text())
        .contains("**Selected Tools:** general, text");
    assertThat(referencesOf(sink).context()).isEmpty();
    assertThat(painter.requests()).isEmpty();
  }

  @Test
  void anAgentLimitedToNotesSearchesThemWithoutAskingTheModelToChoose() {
    notes(alice);
    configureModel();
    UUID conversation = conversationWithAgent(
        alice, alice, Optional.empty(), Set.of(AgentInputTool.NOTES), Set.of());
    gateway.completions.add("{\"queries\": [\"green tea\"]}");
    Recorder sink = new Recorder();

    chatWithEveryTool(false).chat(askIn(alice, conversation, "what tea do I drink"), sink);

    assertThat(sink.events)
        .filteredOn(e -> e instanceof ChatEvent.Status)
        .extracting(e -> ((ChatEvent.Status) e).text())
        .contains("**Selected Tools:** notes, text");
    assertThat(referencesOf(sink).context())
        .extracting(NoteReference::file)
        .contains("/notes/tea.md");
  }

  @Test
  void withoutAModelNotesAreSearchedAndListedAndThePersonIsToldHowToAddOne() {
    notes(alice);
    Recorder sink = new Recorder();

    ChatOutcome outcome = chat.chat(ask(alice, "/notes what tea do I drink"), sink);

    assertThat(sink.kinds())
        .containsExactly(
            ChatEvent.Metadata.class,
            ChatEvent.Status.class,
            ChatEvent.Status.class,
            ChatEvent.References.class,
            ChatEvent.StartResponse.class,
            ChatEvent.Text.class,
            ChatEvent.EndResponse.class,
            ChatEvent.Done.class);
    assertThat(sink.text())
        .contains("No language model is configured")
        .contains("/notes/tea.md")
        .contains("OPENAI_BASE_URL");
    assertThat(outcome).isInstanceOfSatisfying(ChatOutcome.Answered.class, a -> {
      assertThat(a.references()).extracting(r -> r.file()).first().isEqualTo("/notes/tea.md");
      assertThat(conversations.messages(alice, a.conversationId()))
          .extracting(ChatMessage::message)
          .containsExactly("what tea do I drink", a.response());
    });
  }

  private static ChatCommand askFrom(UserId user, String q, String timezone) {
    return new ChatCommand(
        user,
        q,
        5,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        new ChatCommand.Location("Berlin", null, "Germany", "DE", timezone),
        List.of(),
        List.of());
  }

  @Test
  void aRequestForSomethingRepeatedBecomesAnAutomationInTheUsersZone() {
    notes(alice);
    configureModel();
    gateway.completions.add("{\"source\": [\"notes\"], \"output\": \"automation\"}");
    gateway.completions.add(
        "{\"crontime\": \"0 9 * * 1\", \"query\": \"Summarise my notes on tea\", "
            + "\"subject\": \"Weekly tea summary\"}");
    Recorder sink = new Recorder();

    ChatOutcome outcome = chat.chat(
        askFrom(alice, "every Monday at 9 summarise my tea notes", "Europe/Berlin"), sink);

    assertThat(gateway.requests.getFirst().messages().getLast().text()).contains("- automation:");
    assertThat(gateway.requests.get(1).messages().getLast().text())
        .contains("Europe/Berlin")
        .contains("every Monday at 9 summarise my tea notes");
    assertThat(gateway.requests).hasSize(2);
    assertThat(automationsCreated).singleElement().satisfies(c -> {
      assertThat(c.owner()).isEqualTo(alice);
      assertThat(c.request().crontime()).isEqualTo("0 9 * * 1");
      assertThat(c.request().query()).isEqualTo("Summarise my notes on tea");
      assertThat(c.request().subject()).contains("Weekly tea summary");
      assertThat(c.request().timezone()).contains("Europe/Berlin");
    });
    assertThat(sink.text())
        .contains("**Weekly tea summary**")
        .contains("at 09:00 AM, only on Monday")
        .contains("Summarise my notes on tea");
    assertThat(sink.kinds()).endsWith(ChatEvent.Done.class);
    ChatMessage stored = conversations
        .messages(alice, ((ChatOutcome.Answered) outcome).conversationId())
        .get(1);
    assertThat(stored.automationId()).isNotNull();
    assertThat(stored.intent().type()).isEqualTo("automation");
    assertThat(stored.context()).isEmpty();
  }

  @Test
  void aScheduleTheServerRefusesIsExplainedAndCreatesNothing() {
    configureModel();
    gateway.completions.add("{\"source\": [\"general\"], \"output\": \"automation\"}");
    gateway.completions.add("{\"crontime\": \"*/5 * * * *\", \"query\": \"Tell me the time\", "
        + "\"subject\": \"Time\"}");
    Recorder sink = new Recorder();

    ChatOutcome outcome = chat.chat(ask(alice, "tell me the time every five minutes"), sink);

    assertThat(automationsCreated).isEmpty();
    assertThat(sink.text())
        .startsWith("I could not set up that automation: Minute level recurrence is unsupported");
    ChatMessage stored = conversations
        .messages(alice, ((ChatOutcome.Answered) outcome).conversationId())
        .get(1);
    assertThat(stored.automationId()).isNull();
  }

  @Test
  void aRunOfAnAutomationIsNeverOfferedToScheduleAnother() {
    notes(alice);
    configureModel();
    gateway.completions.add("{\"source\": [\"notes\"], \"output\": \"automation\"}");
    gateway.completions.add("{\"queries\": [\"tea\"]}");
    Recorder sink = new Recorder();

    chat.chat(ask(alice, "/automated_task every Monday summarise my tea notes"), sink);

    assertThat(gateway.requests.getFirst().messages().getLast().text())
        .doesNotContain("- automation:");
    assertThat(automationsCreated).isEmpty();
    assertThat(sink.text()).isEqualTo("Hello world.");
  }

  @Test
  void withoutNotesOrToolsTheModelIsStillAskedWhetherToSchedule() {
    configureModel();
    gateway.completions.add("{\"source\": [\"general\"], \"output\": \"text\"}");
    Recorder sink = new Recorder();

    chat.chat(ask(alice, "hello"), sink);

    assertThat(gateway.requests.getFirst().messages().getLast().text()).contains("- automation:");
    assertThat(automationsCreated).isEmpty();
    assertThat(sink.text()).isEqualTo("Hello world.");
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

    assertThat(sink.kinds())
        .startsWith(
            ChatEvent.Metadata.class,
            ChatEvent.Status.class,
            ChatEvent.Status.class,
            ChatEvent.Status.class,
            ChatEvent.References.class,
            ChatEvent.Status.class,
            ChatEvent.StartResponse.class,
            ChatEvent.Text.class,
            ChatEvent.Text.class,
            ChatEvent.EndResponse.class,
            ChatEvent.Usage.class)
        .endsWith(ChatEvent.Done.class);
    assertThat(sink.text()).isEqualTo("You drink green tea.");
    ChatEvent.References refs = (ChatEvent.References) sink.events.stream()
        .filter(e -> e instanceof ChatEvent.References)
        .findFirst()
        .orElseThrow();
    assertThat(refs.inferredQueries()).containsExactly("green tea", "morning drink");
    assertThat(refs.context()).extracting(r -> r.file()).contains("/notes/tea.md");
    ChatOutcome.Answered answered = (ChatOutcome.Answered) outcome;
    List<ChatMessage> stored = conversations.messages(alice, answered.conversationId());
    assertThat(stored)
        .extracting(ChatMessage::message)
        .containsExactly("what do I drink", "You drink green tea.");
    assertThat(stored.get(1).intent().inferredQueries())
        .containsExactly("green tea", "morning drink");
    assertThat(stored.get(1).context()).isNotEmpty();
    List<PromptMessage> prompt = gateway.requests.getLast().messages();
    assertThat(prompt.getFirst()).isInstanceOf(PromptMessage.System.class);
    assertThat(prompt.get(prompt.size() - 2).text()).contains("File: /notes/tea.md");
    assertThat(prompt.getLast().text()).isEqualTo("what do I drink");
  }

  @Test
  void reasoningArrivesAsThoughtsBeforeTheAnswerStartsAndIsStored() {
    configureModel();
    gateway.streamThoughts = List.of("The user ", "greets me.");
    gateway.streamDeltas = List.of("Hello ", "there.");
    Recorder sink = new Recorder();

    ChatOutcome.Answered answered =
        (ChatOutcome.Answered) chat.chat(ask(alice, "/general hi"), sink);

    assertThat(answered.whole()).as("the model ended it itself").isTrue();
    List<Class<?>> kinds = sink.kinds();
    assertThat(kinds.subList(kinds.indexOf(ChatEvent.Thought.class), kinds.size()))
        .startsWith(
            ChatEvent.Thought.class,
            ChatEvent.Thought.class,
            ChatEvent.StartResponse.class,
            ChatEvent.Text.class,
            ChatEvent.Text.class,
            ChatEvent.EndResponse.class);
    assertThat(kinds).containsOnlyOnce(ChatEvent.StartResponse.class);
    assertThat(conversations.messages(alice, answered.conversationId()).get(1).trainOfThought())
        .contains(new ChatMessage.Thought("thought", "The user greets me."));
  }

  @Test
  void theConversationContinuesAndHistoryIsTrimmedToTheBudget() {
    configureModel();
    ChatOutcome.Answered first = (ChatOutcome.Answered)
        chat.chat(ask(alice, "/general " + "word ".repeat(3500)), new Recorder());
    chat.chat(
        new ChatCommand(
            alice,
            "/general second question",
            5,
            Optional.empty(),
            Optional.of(first.conversationId()),
            Optional.empty(),
            Optional.empty(),
            false,
            null,
            List.of(),
            List.of()),
        new Recorder());
    chat.chat(
        new ChatCommand(
            alice,
            "/general third question",
            5,
            Optional.empty(),
            Optional.of(first.conversationId()),
            Optional.empty(),
            Optional.empty(),
            false,
            null,
            List.of(),
            List.of()),
        new Recorder());

    List<PromptMessage> prompt = gateway.requests.getLast().messages();
    assertThat(prompt)
        .extracting(PromptMessage::text)
        .contains("second question")
        .noneMatch(t -> t.startsWith("word word"));
    assertThat(conversations.messages(alice, first.conversationId())).hasSize(6);
  }

  /** Notes of {@code words} words each, one entry per file, all about tea. */
  private void longNotes(UserId owner, int files, int words) {
    IndexContentService indexing = new IndexContentService(
        entries,
        new io.khoj4j.application.port.out.content.InMemoryRefusedFileRepository(),
        embeddings,
        new FakeDocumentReader(),
        unitOfWork,
        ids,
        clock,
        new IndexingLimits(100L << 20, 50L << 20, 0, 10_000, 32),
        IndexingMetrics.NONE,
        new io.khoj4j.application.port.out.connector.InMemoryConnectorRepository());
    List<UploadedFile> uploads = new java.util.ArrayList<>();
    for (int i = 1; i <= files; i++) {
      uploads.add(new UploadedFile(
          "/notes/tea" + i + ".md",
          "text/markdown",
          ("# Tea " + i + "\n" + ("leaf" + i + " ").repeat(words) + "tea")
              .getBytes(StandardCharsets.UTF_8)));
    }
    indexing.index(new IndexContentCommand(owner, uploads, SyncMode.INCREMENTAL, Optional.empty()));
  }

  private void configureModel(int maxPromptSize) {
    configureModels.configure(new ConfigureChatModelsCommand.SaveModel(
        0,
        "small",
        "Small",
        ModelVendor.OPENAI,
        maxPromptSize,
        false,
        ChatModel.PriceTier.FREE,
        null,
        null,
        null));
  }

  private int size(List<PromptMessage> prompt) {
    return prompt.stream().mapToInt(tokens::count).sum();
  }

  private static ChatEvent.References references(Recorder sink) {
    return (ChatEvent.References) sink.events.stream()
        .filter(e -> e instanceof ChatEvent.References)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void notesThatOverflowTheModelAreTrimmedHistoryFirstThenTheWeakestNotes() {
    configureModel(2048);
    ChatOutcome.Answered earlier =
        (ChatOutcome.Answered) chat.chat(ask(alice, "/general hello there"), new Recorder());
    longNotes(alice, 5, 600);
    gateway.completions.add("{\"queries\": [\"tea\"]}");
    Recorder sink = new Recorder();

    chat.chat(
        new ChatCommand(
            alice,
            "/notes which tea",
            5,
            Optional.empty(),
            Optional.of(earlier.conversationId()),
            Optional.empty(),
            Optional.empty(),
            false,
            null,
            List.of(),
            List.of()),
        sink);

    List<PromptMessage> prompt = gateway.requests.getLast().messages();
    List<String> found = references(sink).context().stream().map(r -> r.file()).toList();
    assertThat(found).hasSize(5);
    assertThat(size(prompt)).isLessThanOrEqualTo(PromptBudget.promptLimit(2048));
    assertThat(prompt).extracting(PromptMessage::text).noneMatch(t -> t.contains("hello there"));
    String notes = prompt.get(prompt.size() - 2).text();
    assertThat(notes)
        .contains("File: " + found.get(0), "File: " + found.get(1))
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
    assertThat(prompt.get(prompt.size() - 2).text())
        .contains("File: /notes/tea1.md", "leaf1 leaf1")
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
    ChatOutcome.Answered mine =
        (ChatOutcome.Answered) chat.chat(ask(alice, "/general hi"), new Recorder());
    Recorder sink = new Recorder();

    ChatOutcome outcome = chat.chat(
        new ChatCommand(
            bob,
            "/general read it",
            5,
            Optional.empty(),
            Optional.of(mine.conversationId()),
            Optional.empty(),
            Optional.empty(),
            false,
            null,
            List.of(),
            List.of()),
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
  void anAnswerCutAtTheModelsOutputLimitSaysSoAndIsStoredWithTheNotice() {
    configureModel();
    gateway.streamDeltas = List.of("Green tea is ", "brewed at");
    gateway.streamEnding = ChatCompletion.Ending.CUT_AT_LENGTH;
    Recorder sink = new Recorder();

    ChatOutcome.Answered answered =
        (ChatOutcome.Answered) chat.chat(ask(alice, "/general how to brew tea"), sink);

    String expected = "Green tea is brewed at\n\n"
        + AnswerStreamer.endingText(ChatCompletion.Ending.CUT_AT_LENGTH);
    assertThat(AnswerStreamer.endingText(ChatCompletion.Ending.CUT_AT_LENGTH))
        .contains("incomplete");
    assertThat(sink.text()).isEqualTo(expected);
    List<Class<?>> kinds = sink.kinds();
    assertThat(kinds.subList(kinds.indexOf(ChatEvent.StartResponse.class), kinds.size()))
        .startsWith(
            ChatEvent.StartResponse.class,
            ChatEvent.Text.class,
            ChatEvent.Text.class,
            ChatEvent.Text.class,
            ChatEvent.EndResponse.class);
    assertThat(answered.response()).isEqualTo(expected);
    assertThat(answered.whole()).isFalse();
    assertThat(conversations.messages(alice, answered.conversationId()))
        .extracting(ChatMessage::message)
        .containsExactly("how to brew tea", expected);
  }

  @Test
  void everyEndingButAWholeAnswerHasItsOwnNotice() {
    assertThat(AnswerStreamer.endingText(ChatCompletion.Ending.COMPLETE)).isEmpty();
    List<String> notices = java.util.Arrays.stream(ChatCompletion.Ending.values())
        .filter(ending -> ending != ChatCompletion.Ending.COMPLETE)
        .map(AnswerStreamer::endingText)
        .toList();
    assertThat(notices).allMatch(notice -> notice.startsWith("⚠️")).doesNotHaveDuplicates();
    assertThat(AnswerStreamer.endingText(ChatCompletion.Ending.CUT_AT_CONTEXT))
        .contains("context window");
    assertThat(AnswerStreamer.endingText(ChatCompletion.Ending.LANGUAGE_UNSUPPORTED))
        .contains("language")
        .doesNotContain("safety");
  }

  @Test
  void anAnswerTheSafetyFilterStoppedBeforeAnyTextIsTheNoticeAlone() {
    configureModel();
    gateway.streamDeltas = List.of();
    gateway.streamEnding = ChatCompletion.Ending.REFUSED_BY_FILTER;
    Recorder sink = new Recorder();

    ChatOutcome.Answered answered =
        (ChatOutcome.Answered) chat.chat(ask(alice, "/general something forbidden"), sink);

    String notice = AnswerStreamer.endingText(ChatCompletion.Ending.REFUSED_BY_FILTER);
    assertThat(notice).startsWith("⚠️").contains("safety filter");
    assertThat(sink.text()).isEqualTo(notice);
    assertThat(answered.whole()).isFalse();
    assertThat(sink.kinds())
        .containsSubsequence(
            ChatEvent.StartResponse.class, ChatEvent.Text.class, ChatEvent.EndResponse.class);
    assertThat(conversations.messages(alice, answered.conversationId()))
        .extracting(ChatMessage::message)
        .containsExactly("something forbidden", notice);
  }

  @Test
  void aProviderThatAsksForALongPauseIsNotCalledUnavailableForAMoment() {
    configureModel();
    gateway.streamFailure = new UpstreamFailureException(
        "rate limited by the model provider (429); it asks to retry in 60 min",
        true,
        null,
        Duration.ofHours(1));
    Recorder sink = new Recorder();

    chat.chat(ask(alice, "/general hi"), sink);

    assertThat(sink.text()).contains("it asks to retry in 60 min").doesNotContain("shortly");
  }

  @Test
  void aClientThatLeavesStopsTheModelAndTheQuestionIsKeptWithAnEmptyAnswer() {
    configureModel();
    gateway.streamDeltas = List.of("a", "b", "c", "d", "e", "f");
    gateway.pauseBetweenDeltasMillis = 150;
    Recorder sink = new Recorder();
    sink.cancelAfterFirstText = true;

    ChatOutcome outcome = chat.chat(ask(alice, "/general hi"), sink);

    assertThat(outcome).isInstanceOf(ChatOutcome.Cancelled.class);
    assertThat(gateway.cancelled).isTrue();
    assertThat(interruptedTurn(alice)).extracting(ChatMessage::message).containsExactly("hi", "");
  }

  /** The only conversation of {@code owner}: its messages, the last an interrupted answer. */
  private List<ChatMessage> interruptedTurn(UserId owner) {
    assertThat(conversations.count(owner)).isOne();
    List<ChatMessage> stored =
        conversations.messages(owner, conversations.latest(owner).orElseThrow().id());
    assertThat(stored.getLast().interrupted()).isTrue();
    return stored;
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
    assertThat(sink.kinds())
        .doesNotContain(ChatEvent.References.class, ChatEvent.StartResponse.class);
    assertThat(interruptedTurn(alice))
        .extracting(ChatMessage::message)
        .containsExactly("what do I drink", "");
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
    assertThat(sink.events)
        .noneMatch(e -> e instanceof ChatEvent.Status s && s.text().startsWith("**Searching"));
    assertThat(interruptedTurn(alice).getLast().context()).isEmpty();
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

    ChatOutcome outcome = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(5), () -> chat.chat(ask(alice, "what do I drink"), sink));

    assertThat(outcome).isInstanceOf(ChatOutcome.Cancelled.class);
    assertThat(gateway.helperAbandoned).isTrue();
    assertThat(gateway.requests).hasSize(1);
    assertThat(interruptedTurn(alice)).hasSize(2);
  }

  @Test
  void aStoppedTurnKeepsWhatItFoundAndTheNextTurnCarriesOnFromIt() {
    notes(alice);
    configureModel();
    gateway.completions.add("{\"queries\": [\"green tea\"]}");
    gateway.streamDeltas = List.of("a", "b", "c", "d", "e", "f");
    gateway.pauseBetweenDeltasMillis = 150;
    Recorder stopped = new Recorder();
    stopped.cancelAfterFirstText = true;

    chat.chat(ask(alice, "/notes what do I drink"), stopped);

    List<ChatMessage> kept = interruptedTurn(alice);
    ChatMessage empty = kept.getLast();
    assertThat(empty.context()).extracting(NoteReference::file).contains("/notes/tea.md");
    assertThat(empty.intent().inferredQueries()).containsExactly("green tea");
    assertThat(empty.trainOfThought()).extracting(ChatMessage.Thought::data).isNotEmpty();
    assertThat(empty.researchContext()).isEmpty(); // notes reach the prompt as references
    gateway.streamDeltas = List.of("Green tea.");
    gateway.pauseBetweenDeltasMillis = 0;
    Recorder sink = new Recorder();

    ChatOutcome.Answered answered =
        (ChatOutcome.Answered) chat.chat(ask(alice, "/general so, what?"), sink);

    List<ChatMessage> stored = conversations.messages(alice, answered.conversationId());
    assertThat(stored)
        .extracting(ChatMessage::message)
        .containsExactly("what do I drink", "so, what?", "Green tea.");
    assertThat(stored.getLast().context())
        .extracting(NoteReference::file)
        .contains("/notes/tea.md");
    assertThat(stored.getLast().trainOfThought())
        .startsWith(empty.trainOfThought().toArray(ChatMessage.Thought[]::new));
    ChatEvent.References refs = (ChatEvent.References) sink.events.stream()
        .filter(e -> e instanceof ChatEvent.References)
        .findFirst()
        .orElseThrow();
    assertThat(refs.context()).extracting(NoteReference::file).contains("/notes/tea.md");
    List<PromptMessage> prompt = gateway.requests.getLast().messages();
    assertThat(prompt.stream().map(PromptMessage::text))
        .anyMatch(t -> t.contains("File: /notes/tea.md"));
  }

  /** A turn of alice's streaming slowly on {@code service}, in a conversation that holds "hi" and "Hello.". */
  private record Streaming(
      UUID conversation,
      Recorder client,
      java.util.concurrent.CompletableFuture<ChatOutcome> outcome) {}

  /**
   * Alice asks "what do I drink" in a new conversation on {@code service}, which finds her tea note and then streams
   * its answer slowly; returns once the first text has reached her.
   */
  private Streaming notesTurnStreamingOn(ChatService service) throws InterruptedException {
    notes(alice);
    configureModel();
    gateway.streamDeltas = List.of("Hello.");
    UUID conversation = ((ChatOutcome.Answered)
            service.chat(ask(alice, "/general hi"), new Recorder()))
        .conversationId();
    gateway.completions.add("{\"queries\": [\"green tea\"]}");
    gateway.streamDeltas = List.of("a", "b", "c", "d", "e", "f");
    gateway.pauseBetweenDeltasMillis = 150;
    Recorder client = new Recorder();
    java.util.concurrent.CompletableFuture<ChatOutcome> outcome =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> service.chat(askIn(alice, conversation, "/notes what do I drink"), client));
    long until = System.nanoTime() + 5_000_000_000L;
    while (client.text().isEmpty() && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    gateway.streamDeltas = List.of("Green tea.");
    gateway.pauseBetweenDeltasMillis = 0;
    return new Streaming(conversation, client, outcome);
  }

  /** The stopped turn ended as such, and {@code next} answered carrying on from what it had found. */
  private void assertCarriedOn(Streaming stopped, ChatOutcome next) throws Exception {
    assertThat(stopped.outcome().get(5, java.util.concurrent.TimeUnit.SECONDS))
        .isInstanceOf(ChatOutcome.Cancelled.class);
    assertThat(next).isInstanceOf(ChatOutcome.Answered.class);
    List<ChatMessage> stored = conversations.messages(alice, stopped.conversation());
    assertThat(stored)
        .extracting(ChatMessage::message)
        .containsExactly("hi", "Hello.", "what do I drink", "go on", "Green tea.");
    assertThat(stored.getLast().context())
        .as("the next turn carried on from what the stopped one found")
        .extracting(NoteReference::file)
        .contains("/notes/tea.md");
  }

  @Test
  void aTurnAskedWhileTheEarlierOneIsStoppingWaitsForItAndCarriesOn() throws Exception {
    Streaming first = notesTurnStreamingOn(chat);

    // Stop, and a new message at once: the stopped turn has not stored its findings yet
    first.client().cancel = true;
    ChatOutcome second =
        chat.chat(askIn(alice, first.conversation(), "/general go on"), new Recorder());

    assertCarriedOn(first, second);
  }

  /** A second server on the same store: its own turns, the same conversations and marks. */
  private ChatService replica(StoppingTurns stopping) {
    return chatWith(ChatTools.noneConfigured(), stopping);
  }

  @Test
  void aTurnAskedOnAnotherReplicaWhileTheEarlierOneIsStoppingWaitsForItAndCarriesOn()
      throws Exception {
    InMemoryStoppingTurns marks = new InMemoryStoppingTurns();
    ChatService replicaA = replica(marks);
    ChatService replicaB = replica(marks);
    Streaming first = notesTurnStreamingOn(replicaA);

    // Stop on A; the new message reaches B once A has seen its client go (the client's new
    // request takes at least that long to arrive through a balancer)
    first.client().cancel = true;
    long until = System.nanoTime() + 5_000_000_000L;
    while (!marks.anyIn(first.conversation(), clock.instant()) && System.nanoTime() < until) {
      Thread.sleep(2);
    }
    assertThat(first.outcome()).as("A's turn is still storing what it found").isNotDone();
    ChatOutcome second =
        replicaB.chat(askIn(alice, first.conversation(), "/general go on"), new Recorder());

    assertCarriedOn(first, second);
    assertThat(marks.size()).as("the stopped turn's mark went with it").isZero();
  }

  @Test
  void aTurnRunningOnAnotherReplicaIsNotWaitedForNorMarked() throws Exception {
    InMemoryStoppingTurns marks = new InMemoryStoppingTurns();
    ChatService replicaA = replica(marks);
    ChatService replicaB = replica(marks);
    configureModel();
    gateway.streamDeltas = List.of("Hello.");
    UUID conversation = ((ChatOutcome.Answered)
            replicaA.chat(ask(alice, "/general hi"), new Recorder()))
        .conversationId();
    gateway.streamDeltas = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    gateway.pauseBetweenDeltasMillis = 250;
    Recorder first = new Recorder();
    java.util.concurrent.CompletableFuture<ChatOutcome> running =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> replicaA.chat(askIn(alice, conversation, "/general tell me more"), first));
    long until = System.nanoTime() + 5_000_000_000L;
    while (first.text().isEmpty() && System.nanoTime() < until) {
      Thread.sleep(5);
    }

    // another client asks in the same conversation through B while A's turn streams on
    gateway.streamDeltas = List.of("Sure.");
    gateway.pauseBetweenDeltasMillis = 0;
    ChatOutcome second =
        replicaB.chat(askIn(alice, conversation, "/general and now?"), new Recorder());

    assertThat(second).isInstanceOf(ChatOutcome.Answered.class);
    assertThat(running).as("B did not wait for A's turn to end").isNotDone();
    assertThat(marks.size()).isZero();
    running.get(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  void aTurnWhoseConversationWasDeletedWhileItRanDoesNotBringItBack() {
    UUID conversation = answeredConversation();

    ChatOutcome outcome = stoppedWhile(() -> conversations.delete(alice, conversation));

    assertThat(outcome).isInstanceOf(ChatOutcome.Cancelled.class);
    assertThat(conversations.find(alice, conversation)).isEmpty();
    assertThat(conversations.count(alice)).isZero();
  }

  /** A conversation of alice's with one answered turn ("hi", "Hello there."). */
  private UUID answeredConversation() {
    configureModel();
    gateway.streamDeltas = List.of("Hello ", "there.");
    return ((ChatOutcome.Answered) chat.chat(ask(alice, "/general hi"), new Recorder()))
        .conversationId();
  }

  /** A turn of alice's latest conversation stopped after its first text; {@code meanwhile} runs as it streams. */
  private ChatOutcome stoppedWhile(Runnable meanwhile) {
    gateway.streamDeltas = List.of("a", "b", "c", "d");
    gateway.pauseBetweenDeltasMillis = 100;
    Recorder stopped = new Recorder();
    stopped.cancelAfterFirstText = true;
    gateway.whileStreaming = meanwhile;
    return chat.chat(ask(alice, "/general and?"), stopped);
  }

  @Test
  void aStoppedTurnIsNotStoredAfterAnotherTurnOfItsConversation() {
    UUID conversation = answeredConversation();

    // another client's turn lands while this one runs
    stoppedWhile(() -> conversations.appendMessages(
        alice,
        conversation,
        List.of(ChatMessage.fromUser("other", clock.instant(), "t-other", List.of(), List.of())),
        "other",
        clock.instant()));

    assertThat(conversations.messages(alice, conversation))
        .extracting(ChatMessage::message)
        .containsExactly("hi", "Hello there.", "other");
  }

  @Test
  void anAnsweredTurnWhoseLastEventFailsAsItsClientLeavesIsStoredOnce() {
    configureModel();
    gateway.streamDeltas = List.of("Hello ", "there.");
    Recorder sink = new Recorder() {
      @Override
      public void emit(ChatEvent event) {
        super.emit(event);
        if (event instanceof ChatEvent.Done) {
          cancel = true; // the tab closed as the answer ended
          throw new IllegalStateException("connection closed");
        }
      }
    };

    chat.chat(ask(alice, "/general hi"), sink);

    assertThat(conversations.messages(
            alice, conversations.latest(alice).orElseThrow().id()))
        .extracting(ChatMessage::message)
        .containsExactly("hi", "Hello there.");
  }

  @Test
  void aTurnWhoseEventFailsBecauseItsClientLeftIsStoredAsInterrupted() {
    configureModel();
    gateway.streamDeltas = List.of("a", "b", "c", "d");
    gateway.pauseBetweenDeltasMillis = 100;
    Recorder sink = new Recorder() {
      @Override
      public void emit(ChatEvent event) {
        super.emit(event);
        if (event instanceof ChatEvent.StartResponse) {
          cancel = true; // the socket closed as this event was sent
          throw new IllegalStateException("connection closed");
        }
      }
    };

    ChatOutcome outcome = chat.chat(ask(alice, "/general hi"), sink);

    assertThat(outcome).isInstanceOf(ChatOutcome.Cancelled.class);
    assertThat(interruptedTurn(alice)).extracting(ChatMessage::message).containsExactly("hi", "");
  }

  @Test
  void aStoppedWebSearchKeepsItsFindingsForTheAnswerOfTheNextTurn() {
    configureModel();
    ChatService chat = chatWithEveryTool(false);
    gateway.completions.add("{\"queries\": [\"matcha price 2026\"]}");
    gateway.streamDeltas = List.of("a", "b", "c");
    gateway.pauseBetweenDeltasMillis = 150;
    Recorder stopped = new Recorder();
    stopped.cancelAfterFirstText = true;

    chat.chat(askFrom(alice, "/online what does matcha cost", "DE", List.of()), stopped);

    ChatMessage empty = interruptedTurn(alice).getLast();
    assertThat(empty.onlineContext())
        .extracting(OnlineResult::query)
        .containsExactly("matcha price 2026");
    assertThat(empty.researchContext()).anyMatch(c -> c.contains("30 EUR per 100 g this spring"));
    gateway.streamDeltas = List.of("About 30 EUR.");
    gateway.pauseBetweenDeltasMillis = 0;
    Recorder sink = new Recorder();

    ChatOutcome outcome = chat.chat(ask(alice, "/general and so?"), sink);

    assertThat(web.queries()).as("the web is not searched again").hasSize(1);
    assertThat(answerPrompt()).contains("30 EUR per 100 g this spring");
    assertThat(referencesOf(sink).onlineContext())
        .extracting(OnlineResult::query)
        .containsExactly("matcha price 2026");
    List<ChatMessage> stored =
        conversations.messages(alice, ((ChatOutcome.Answered) outcome).conversationId());
    assertThat(stored)
        .extracting(ChatMessage::message)
        .containsExactly("what does matcha cost", "and so?", "About 30 EUR.");
    assertThat(stored.getLast().onlineContext()).isEqualTo(empty.onlineContext());
    assertThat(stored.getLast().researchContext()).isEmpty();
  }

  @Test
  void anAnswerWrittenInFullIsStoredEvenWhenTheClientLeavesRightAfter() {
    configureModel();
    gateway.streamDeltas = List.of("Hello ", "there.");
    Recorder sink = new Recorder();
    sink.cancelOn = ChatEvent.EndResponse.class;

    chat.chat(ask(alice, "/general hi"), sink);

    List<ChatMessage> stored =
        conversations.messages(alice, conversations.latest(alice).orElseThrow().id());
    assertThat(stored).extracting(ChatMessage::message).containsExactly("hi", "Hello there.");
  }

  @Test
  void unconfiguredCapabilitiesSaySoAndStoreNothing() {
    configureModel();
    for (String command : List.of("/online", "/webpage", "/image", "/diagram", "/code")) {
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

    assertThat(sink.events)
        .filteredOn(e -> e instanceof ChatEvent.Status)
        .extracting(e -> ((ChatEvent.Status) e).text())
        .containsExactly("**Generating a well-informed response**");
    assertThat(sink.kinds()).contains(ChatEvent.References.class);
    assertThat(gateway.requests).hasSize(1);
  }

  // ------------------------------------------------------------------ slash commands routed
  // through their ports

  private final InMemoryWebSearch web = new InMemoryWebSearch()
      .page(
          "Matcha prices in 2026",
          "https://tea.example/matcha",
          "Matcha costs 30 EUR per 100 g this spring.")
      .page(
          "Sencha or matcha?",
          "https://tea.example/compare",
          "Sencha is steeped, matcha is whisked.")
      .page("Tyre prices", "https://cars.example/tyres", "Winter tyres got cheaper.");
  private final InMemoryWebReader reader = new InMemoryWebReader()
      .page(
          "https://tea.example/matcha",
          "Matcha from Uji costs 30 EUR per 100 g; ceremonial grade costs more.")
      .page("https://tea.example/guide", "Steep green tea for two minutes at 80 degrees.");
  private final InMemoryImageGenerator painter = new InMemoryImageGenerator();
  private final InMemoryCodeSandbox sandbox = new InMemoryCodeSandbox();
  private final InMemoryDiagramValidator diagrams = new InMemoryDiagramValidator();
  private final InMemoryToolServers toolServer = new InMemoryToolServers()
      .offering(new ToolServers.Tool(
          "teashop/price",
          "The price of a tea",
          "{\"type\":\"object\",\"properties\":{\"tea\":{\"type\":\"string\"}}}"));

  private ChatService chatWith(ChatTools tools) {
    return chatWith(tools, StoppingTurns.NONE);
  }

  private ChatService chatWith(ChatTools tools, StoppingTurns stopping) {
    return new ChatService(
        conversations,
        models,
        gateway,
        new LenientReplyReader(),
        search,
        content,
        tokens,
        tools,
        createAutomation,
        unitOfWork,
        ids,
        clock,
        Optional.empty(),
        agents,
        ChatMemory.off(),
        stopping);
  }

  private ChatService chatWithEveryTool(boolean readSearchResults) {
    return chatWith(
        new ChatTools(web, reader, painter, sandbox, toolServer, diagrams, readSearchResults));
  }

  private static ChatCommand askFrom(
      UserId user, String q, String countryCode, List<AttachedFile> files) {
    return new ChatCommand(
        user,
        q,
        5,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        new ChatCommand.Location("Berlin", null, "Germany", countryCode, "Europe/Berlin"),
        List.of(),
        files);
  }

  private static ChatEvent.References referencesOf(Recorder sink) {
    return (ChatEvent.References) sink.events.stream()
        .filter(e -> e instanceof ChatEvent.References)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> statuses(Recorder sink) {
    return sink.events.stream()
        .filter(e -> e instanceof ChatEvent.Status)
        .map(e -> ((ChatEvent.Status) e).text())
        .toList();
  }

  /** The prompt of the answer: the last request, streamed. */
  private String answerPrompt() {
    return String.join(
        "\n",
        gateway.requests.getLast().messages().stream().map(PromptMessage::text).toList());
  }

  private ChatMessage storedAnswer(ChatOutcome outcome) {
    ChatOutcome.Answered answered = (ChatOutcome.Answered) outcome;
    List<ChatMessage> stored = conversations.messages(alice, answered.conversationId());
    assertThat(stored).hasSize(2);
    return stored.get(1);
  }

  /** Khoj's order: references, the tool's statuses, generated_assets, then the answer's status and text. */
  private static boolean assetFollowsReferencesAndPrecedesTheAnswer(Recorder sink) {
    List<Class<?>> kinds = sink.kinds();
    int assets = kinds.indexOf(ChatEvent.GeneratedAssets.class);
    return assets > kinds.indexOf(ChatEvent.References.class)
        && sink.events
            .get(assets + 1)
            .equals(new ChatEvent.Status("**Generating a well-informed response**"))
        && kinds.get(assets + 2) == ChatEvent.StartResponse.class;
  }

  private static OnlineResult online(ChatEvent.References refs, String query) {
    return refs.onlineContext().stream()
        .filter(r -> r.query().equals(query))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void onlineSearchesTheWebForTheModelsQueriesAndTheAnswerUsesAndKeepsTheResults() {
    configureModel();
    gateway.completions.add("{\"queries\": [\"matcha price 2026\", \"sencha vs matcha\"]}");
    gateway.streamDeltas = List.of("About 30 EUR per 100 g.");
    Recorder sink = new Recorder();

    ChatOutcome outcome = chatWithEveryTool(false)
        .chat(askFrom(alice, "/online what does matcha cost now", "DE", List.of()), sink);

    assertThat(gateway.requests.getFirst().messages().getFirst().text())
        .contains("web search queries")
        .contains("what does matcha cost now")
        .contains("Berlin, Germany");
    assertThat(web.queries())
        .extracting(WebSearch.Query::text)
        .containsExactlyInAnyOrder("matcha price 2026", "sencha vs matcha");
    assertThat(web.queries()).allSatisfy(q -> assertThat(q.countryCode()).contains("de"));
    assertThat(statuses(sink))
        .contains("**Searching the web for**: \n- matcha price 2026\n- sencha vs matcha");
    ChatEvent.References refs = referencesOf(sink);
    assertThat(refs.onlineContext())
        .extracting(OnlineResult::query)
        .containsExactly("matcha price 2026", "sencha vs matcha");
    assertThat(online(refs, "matcha price 2026").organic())
        .extracting(OnlineResult.Hit::link)
        .containsExactly("https://tea.example/matcha", "https://tea.example/compare");
    assertThat(online(refs, "sencha vs matcha").organic())
        .as("a link found by an earlier query is not listed again")
        .isEmpty();
    assertThat(answerPrompt())
        .contains("https://tea.example/matcha")
        .contains("30 EUR per 100 g this spring")
        .endsWith("what does matcha cost now");
    assertThat(reader.reads()).as("pages are read only when configured").isEmpty();
    ChatMessage stored = storedAnswer(outcome);
    assertThat(stored.onlineContext()).isEqualTo(refs.onlineContext());
    assertThat(stored.message()).isEqualTo("About 30 EUR per 100 g.");
    assertThat(((ChatOutcome.Answered) outcome).usage().inputTokens())
        .as("the query writing call counts")
        .isEqualTo(110);
  }

  @Test
  void onlineReadsTheTopResultOfAQueryWithoutADirectAnswerWhenConfigured() {
    configureModel();
    web.answer(
        "sencha vs matcha",
        new WebSearch.Answer("Sencha vs matcha", "Both are green teas.", Optional.empty()));
    gateway.completions.add("{\"queries\": [\"matcha price 2026\", \"sencha vs matcha\"]}");
    Recorder sink = new Recorder();

    ChatOutcome outcome =
        chatWithEveryTool(true).chat(ask(alice, "/online what does matcha cost now"), sink);

    assertThat(reader.reads())
        .extracting(Object::toString)
        .containsExactly("https://tea.example/matcha");
    OnlineResult found = online(referencesOf(sink), "matcha price 2026");
    assertThat(found.webpages()).singleElement().satisfies(p -> {
      assertThat(p.link()).isEqualTo("https://tea.example/matcha");
      assertThat(p.query()).isEqualTo("matcha price 2026");
      assertThat(p.snippet()).contains("ceremonial grade");
    });
    assertThat(online(referencesOf(sink), "sencha vs matcha").answerBox())
        .hasValueSatisfying(box -> assertThat(box.snippet()).isEqualTo("Both are green teas."));
    assertThat(answerPrompt())
        .contains("ceremonial grade costs more")
        .contains("Both are green teas.");
    assertThat(storedAnswer(outcome).onlineContext())
        .isEqualTo(referencesOf(sink).onlineContext());
  }

  @Test
  void aFailingWebSearchIsToldToTheModelAndTheTurnStillAnswers() {
    configureModel();
    web.failWith(new UpstreamFailureException("HTTP 429 from the search provider", true, null));
    gateway.completions.add("{\"queries\": [\"matcha price 2026\"]}");
    gateway.streamDeltas = List.of("I could not search the web.");
    Recorder sink = new Recorder();

    ChatOutcome outcome =
        chatWithEveryTool(false).chat(ask(alice, "/online what does matcha cost now"), sink);

    assertThat(statuses(sink)).anyMatch(s -> s.contains("Web search failed"));
    assertThat(answerPrompt()).contains("HTTP 429 from the search provider");
    assertThat(referencesOf(sink).onlineContext()).isEmpty();
    assertThat(storedAnswer(outcome).message()).isEqualTo("I could not search the web.");
  }

  @Test
  void webpageReadsTheAddressesInTheMessage() {
    configureModel();
    Recorder sink = new Recorder();
    String q = "how long should I steep it, says https://tea.example/guide?";

    ChatOutcome outcome = chatWithEveryTool(false).chat(ask(alice, "/webpage " + q), sink);

    assertThat(reader.reads())
        .extracting(Object::toString)
        .containsExactly("https://tea.example/guide");
    assertThat(gateway.requests).as("no model call is needed to find the page").hasSize(1);
    List<OnlineResult> online = referencesOf(sink).onlineContext();
    assertThat(online).singleElement().satisfies(r -> {
      assertThat(r.searched()).as("pages read, no search").isFalse();
      assertThat(r.webpages())
          .containsExactly(new OnlineResult.PageExtract(
              q, "https://tea.example/guide", "Steep green tea for two minutes at 80 degrees."));
    });
    assertThat(answerPrompt()).contains("two minutes at 80 degrees");
    assertThat(storedAnswer(outcome).onlineContext()).isEqualTo(online);
  }

  @Test
  void webpageAsksTheModelForTheAddressWhenTheMessageHasNone() {
    configureModel();
    gateway.completions.add("{\"links\": [\"https://tea.example/guide\"]}");
    Recorder sink = new Recorder();

    chatWithEveryTool(false).chat(ask(alice, "/webpage summarise the guide I sent"), sink);

    assertThat(gateway.requests.getFirst().messages().getFirst().text())
        .contains("summarise the guide I sent");
    assertThat(reader.reads())
        .extracting(Object::toString)
        .containsExactly("https://tea.example/guide");
    assertThat(answerPrompt()).contains("two minutes at 80 degrees");
  }

  @Test
  void codeHasTheModelWriteAProgramThatTheSandboxRunsWithTheAttachedFiles() {
    configureModel();
    gateway.completions.add(
        "Here it is:\n```python\nimport csv\nprint(sum(1 for _ in open('cups.csv')))\n```");
    byte[] chart = {(byte) 0x89, 'P', 'N', 'G'};
    sandbox.answering(p -> new CodeSandbox.Run(
        true,
        "3\n",
        "",
        List.of(new CodeSandbox.File("cups.png", chart)),
        Optional.of(Duration.ofMillis(120))));
    Recorder sink = new Recorder();
    String q = "how many cups did I log";

    ChatOutcome outcome = chatWithEveryTool(false)
        .chat(
            askFrom(
                alice,
                "/code " + q,
                null,
                List.of(new AttachedFile("cups.csv", "a\nb\nc\n", "text/csv", 6))),
            sink);

    assertThat(gateway.requests.getFirst().messages().getFirst().text())
        .contains(q)
        .contains("cups.csv");
    assertThat(sandbox.programs()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("import csv\nprint(sum(1 for _ in open('cups.csv')))");
      assertThat(p.files()).singleElement().satisfies(f -> {
        assertThat(f.name()).isEqualTo("cups.csv");
        assertThat(new String(f.data(), StandardCharsets.UTF_8)).isEqualTo("a\nb\nc\n");
      });
    });
    List<CodeRun> code = referencesOf(sink).codeContext();
    assertThat(code)
        .containsExactly(new CodeRun(
            q,
            "import csv\nprint(sum(1 for _ in open('cups.csv')))",
            true,
            List.of(new CodeRun.OutputFile("cups.png", Base64.getEncoder().encodeToString(chart))),
            "3\n",
            "",
            Optional.of(Duration.ofMillis(120))));
    assertThat(statuses(sink)).contains("**Running the program**");
    assertThat(answerPrompt())
        .contains("Standard output:\n3")
        .contains("cups.png (an image, shown to the user)");
    assertThat(storedAnswer(outcome).codeContext()).isEqualTo(code);
  }

  @Test
  void imageIsPaintedFromTheModelsDescriptionAndSentAsAGeneratedAsset() {
    configureModel();
    gateway.completions.add(
        "{\"description\": \"A red fox asleep in fresh snow at dawn\", \"shape\": \"landscape\"}");
    gateway.streamDeltas = List.of("Here is your fox.");
    Recorder sink = new Recorder();

    ChatOutcome outcome = chatWithEveryTool(false).chat(ask(alice, "/image a sleeping fox"), sink);

    assertThat(painter.requests())
        .containsExactly(new ImageGenerator.Request(
            "A red fox asleep in fresh snow at dawn", ImageGenerator.Shape.LANDSCAPE));
    String src = "data:image/png;base64,"
        + Base64.getEncoder()
            .encodeToString(
                "A red fox asleep in fresh snow at dawn".getBytes(StandardCharsets.UTF_8));
    assertThat(assetFollowsReferencesAndPrecedesTheAnswer(sink)).isTrue();
    assertThat(sink.events)
        .filteredOn(e -> e instanceof ChatEvent.GeneratedAssets)
        .singleElement()
        .isEqualTo(new ChatEvent.GeneratedAssets(List.of(src), null));
    assertThat(answerPrompt()).contains("A red fox asleep in fresh snow at dawn");
    ChatMessage stored = storedAnswer(outcome);
    assertThat(stored.images()).containsExactly(src);
    assertThat(stored.message()).isEqualTo("Here is your fox.");
  }

  @Test
  void aFailingImageVendorIsAStatusAndANoteToTheModelAndTheTurnIsStillStored() {
    configureModel();
    gateway.completions.add("{\"description\": \"A red fox\", \"shape\": \"square\"}");
    gateway.streamDeltas = List.of("I could not paint it.");
    Recorder sink = new Recorder();
    ImageGenerator limited = new ImageGenerator() {
      @Override
      public boolean available() {
        return true;
      }

      @Override
      public Image generate(Request request) {
        throw new io.khoj4j.application.error.UpstreamFailureException(
            "OpenAI images is rate-limiting this server (429, retry after 17 s)", true, null);
      }
    };

    ChatOutcome outcome = chatWith(
            new ChatTools(web, reader, limited, sandbox, toolServer, diagrams, false))
        .chat(ask(alice, "/image a sleeping fox"), sink);

    assertThat(sink.kinds()).doesNotContain(ChatEvent.GeneratedAssets.class);
    assertThat(statuses(sink)).contains("Failed to generate image");
    assertThat(answerPrompt())
        .contains("Generating the image failed")
        .contains("429, retry after 17 s");
    ChatMessage stored = storedAnswer(outcome);
    assertThat(stored.images()).isEmpty();
    assertThat(stored.message()).isEqualTo("I could not paint it.");
  }

  @Test
  void diagramIsWrittenByTheModelCheckedFixedOnceAndSentAsAGeneratedAsset() {
    configureModel();
    gateway.completions.add("```mermaid\nflowchart TD\n  A[Boil water] -->\n```");
    gateway.completions.add(
        "```mermaid\nflowchart TD\n  A[Boil water] --> B[Steep two minutes]\n```");
    Recorder sink = new Recorder();

    ChatOutcome outcome =
        chatWithEveryTool(false).chat(ask(alice, "/diagram how to make tea"), sink);

    String fixed = "flowchart TD\n  A[Boil water] --> B[Steep two minutes]";
    assertThat(diagrams.checked()).containsExactly("flowchart TD\n  A[Boil water] -->", fixed);
    assertThat(gateway.requests.get(1).messages().getFirst().text())
        .contains("line 2: an arrow needs a node on both sides")
        .contains("A[Boil water] -->");
    assertThat(sink.events)
        .filteredOn(e -> e instanceof ChatEvent.GeneratedAssets)
        .singleElement()
        .isEqualTo(new ChatEvent.GeneratedAssets(List.of(), fixed));
    assertThat(assetFollowsReferencesAndPrecedesTheAnswer(sink)).isTrue();
    assertThat(answerPrompt()).contains(fixed);
    assertThat(storedAnswer(outcome).mermaidjsDiagram()).isEqualTo(fixed);
  }

  @Test
  void aDiagramThatStaysBrokenIsNotSentAndTheModelIsTold() {
    configureModel();
    gateway.completions.add("```mermaid\nA -->\n```");
    gateway.completions.add("```mermaid\nstill -->\n```");
    Recorder sink = new Recorder();

    ChatOutcome outcome =
        chatWithEveryTool(false).chat(ask(alice, "/diagram how to make tea"), sink);

    assertThat(sink.kinds()).doesNotContain(ChatEvent.GeneratedAssets.class);
    assertThat(statuses(sink)).contains("Failed to generate diagram");
    assertThat(answerPrompt()).contains("Drawing the diagram failed");
    assertThat(storedAnswer(outcome).mermaidjsDiagram()).isNull();
  }

  @Test
  void researchTakesTheStepsTheModelPlansAndTheAnswerIsWrittenFromAllOfThem() {
    notes(alice);
    configureModel();
    toolServer.answering((tool, arguments) -> "Matcha costs 30 EUR per 100 g at the tea shop.");
    gateway.completions.add("{\"thought\": \"First what the notes say.\", "
        + "\"tool\": \"semantic_search_files\", \"query\": \"which tea I drink\"}");
    gateway.completions.add("{\"thought\": \"Now where matcha comes from.\", "
        + "\"tool\": \"search_web\", \"query\": \"matcha origin\"}");
    gateway.completions.add("{\"queries\": [\"matcha origin Uji\"]}");
    gateway.completions.add("{\"thought\": \"And its price.\", \"tool\": \"teashop/price\", "
        + "\"query\": \"\", \"arguments\": {\"tea\": \"matcha\"}}");
    gateway.completions.add("{\"thought\": \"That is enough.\", \"tool\": \"answer\"}");
    Recorder sink = new Recorder();

    ChatOutcome outcome =
        chatWithEveryTool(false).chat(ask(alice, "/research where does my tea come from"), sink);

    assertThat(statuses(sink))
        .containsSubsequence(
            "First what the notes say.",
            "**Searching Documents for:** \n- which tea I drink",
            "Now where matcha comes from.",
            "**Searching the web for**: \n- matcha origin Uji",
            "And its price.",
            "**Using** `teashop/price`",
            "That is enough.");
    List<String> plans = gateway.requests.stream()
        .map(r -> r.messages().getFirst().text())
        .filter(t -> t.contains("one step at a time"))
        .toList();
    assertThat(plans).hasSize(4);
    assertThat(plans.getFirst())
        .contains("- semantic_search_files:")
        .contains("- search_web:")
        .contains("- read_webpage:")
        .contains("- python_coder:")
        .contains("- teashop/price: The price of a tea")
        .contains("\"tea\"")
        .contains("(none yet)");
    assertThat(plans.get(1)).contains("I drink green tea every morning.");
    assertThat(plans.get(3)).contains("Matcha costs 30 EUR");
    assertThat(toolServer.calls()).containsExactly("teashop/price {\"tea\": \"matcha\"}");
    assertThat(web.queries())
        .extracting(WebSearch.Query::text)
        .containsExactly("matcha origin Uji");
    ChatEvent.References refs = referencesOf(sink);
    assertThat(refs.context()).extracting(NoteReference::file).contains("/notes/tea.md");
    assertThat(refs.onlineContext())
        .extracting(OnlineResult::query)
        .containsExactly("matcha origin Uji");
    assertThat(answerPrompt())
        .contains("<step_1 tool=\"semantic_search_files\" query=\"which tea I drink\">")
        .contains("I drink green tea every morning.")
        .contains("<step_3 tool=\"teashop/price\"")
        .contains("Matcha costs 30 EUR per 100 g")
        .doesNotContain("<step_4");
    ChatMessage stored = storedAnswer(outcome);
    assertThat(stored.context()).isEqualTo(refs.context());
    assertThat(stored.onlineContext()).isEqualTo(refs.onlineContext());
  }

  @Test
  void researchStopsAtItsStepLimitAndDoesNotRunARepeatedStepAgain() {
    notes(alice);
    configureModel();
    for (int i = 0; i < 3; i++) {
      gateway.completions.add("{\"thought\": \"Search the notes.\", "
          + "\"tool\": \"semantic_search_files\", \"query\": \"tea\"}");
    }
    Recorder sink = new Recorder();

    chatWith(new ChatTools(web, reader, painter, sandbox, toolServer, diagrams, false)
            .researchingAtMost(2))
        .chat(ask(alice, "/research what do I drink"), sink);

    assertThat(statuses(sink))
        .filteredOn(s -> s.startsWith("**Searching Documents for:**"))
        .as("the repeated step searched nothing")
        .hasSize(1);
    assertThat(gateway.completions).as("no third step was planned").hasSize(1);
    assertThat(answerPrompt()).contains("This repeats step 1").doesNotContain("<step_3");
  }

  @Test
  void researchStopsWhenTheClientLeavesAndStoresNothing() {
    notes(alice);
    configureModel();
    Recorder sink = new Recorder();
    toolServer.answering((tool, arguments) -> {
      sink.cancel = true;
      return "late";
    });
    gateway.completions.add("{\"thought\": \"Ask the server.\", \"tool\": \"teashop/price\", "
        + "\"arguments\": {\"tea\": \"sencha\"}}");
    gateway.completions.add("{\"thought\": \"Never planned.\", \"tool\": \"answer\"}");

    ChatOutcome outcome =
        chatWithEveryTool(false).chat(ask(alice, "/research what does sencha cost"), sink);

    assertThat(outcome).isInstanceOf(ChatOutcome.Cancelled.class);
    assertThat(gateway.completions).as("no step after the client left").hasSize(1);
    assertThat(statuses(sink)).doesNotContain("Never planned.");
  }

  @Test
  void aStoppedResearchIsCarriedOnWithWhatItFoundShownToThePlannerAndTheAnswer() {
    notes(alice);
    configureModel();
    ChatService chat = chatWithEveryTool(false);
    Recorder stopped = new Recorder();
    toolServer.answering((tool, arguments) -> {
      stopped.cancel = true;
      return "Sencha costs 12 EUR at the teashop.";
    });
    gateway.completions.add("{\"thought\": \"Ask the server.\", \"tool\": \"teashop/price\", "
        + "\"arguments\": {\"tea\": \"sencha\"}}");

    chat.chat(ask(alice, "/research what does sencha cost"), stopped);

    ChatMessage empty = interruptedTurn(alice).getLast();
    assertThat(empty.researchContext()).anyMatch(c -> c.contains("Sencha costs 12 EUR"));
    gateway.completions.add("{\"thought\": \"Enough to answer.\", \"tool\": \"answer\"}");
    int before = gateway.requests.size();

    chat.chat(ask(alice, "/research and matcha?"), new Recorder());

    assertThat(gateway.requests.get(before).messages().getFirst().text())
        .as("the planner's prompt")
        .contains("found_before_the_user_stopped_an_earlier_attempt")
        .contains("Sencha costs 12 EUR");
    assertThat(answerPrompt()).contains("Sencha costs 12 EUR");
  }

  @Test
  void aFailingToolServerIsAStepResultAndAnUnplannableReplyEndsTheResearch() {
    notes(alice);
    configureModel();
    toolServer.answering((tool, arguments) -> {
      throw new io.khoj4j.application.error.UpstreamFailureException(
          "teashop answered 500", true, null);
    });
    gateway.completions.add(
        "{\"thought\": \"Ask the server.\", \"tool\": \"teashop/price\", " + "\"arguments\": {}}");
    gateway.completions.add(
        "{\"thought\": \"Use a tool that does not exist.\", " + "\"tool\": \"rm_rf\"}");
    Recorder sink = new Recorder();

    chatWithEveryTool(false).chat(ask(alice, "/research what does sencha cost"), sink);

    assertThat(statuses(sink)).contains("**teashop/price failed**");
    assertThat(answerPrompt())
        .contains("The tool failed: teashop answered 500")
        .doesNotContain("rm_rf");
    assertThat(sink.text()).isEqualTo("Hello world.");
  }

  @Test
  void researchWithNothingToResearchWithSaysSoInTheAnswersPrompt() {
    configureModel();
    Recorder sink = new Recorder();

    chat.chat(ask(bob, "/research the history of tea"), sink);

    assertThat(statuses(sink)).contains("**Nothing to research with**");
    assertThat(answerPrompt()).contains("There are no notes, web tools");
    assertThat(gateway.requests).as("only the answer").hasSize(1);
  }

  @Test
  void researchTheModelPicksIsCountedAndASpentBudgetIsTheAnswer() {
    configureModel();
    List<io.khoj4j.application.port.in.usage.AdmitUsageCommand> counted = new ArrayList<>();
    ChatTools counting = new ChatTools(web, reader, painter, sandbox, toolServer, diagrams, false)
        .countingWith(command -> {
          if (!counted.isEmpty()) {
            throw new io.khoj4j.application.error.QuotaExceededException("research budget spent");
          }
          counted.add(command);
        });
    gateway.completions.add("{\"source\": [\"research\"], \"output\": \"text\"}");
    gateway.completions.add("{\"thought\": \"Nothing to look up.\", \"tool\": \"answer\"}");
    Recorder sink = new Recorder();
    chatWith(counting).chat(ask(alice, "where does my tea come from"), sink);
    assertThat(counted)
        .containsExactly(new io.khoj4j.application.port.in.usage.AdmitUsageCommand.Research(alice));
    assertThat(statuses(sink)).contains("Nothing to look up.");

    gateway.completions.add("{\"source\": [\"research\"], \"output\": \"text\"}");
    Recorder refused = new Recorder();
    chatWith(counting).chat(ask(alice, "and my coffee?"), refused);

    assertThat(refused.text()).isEqualTo("research budget spent");
    assertThat(statuses(refused))
        .as("the refused turn ran no research")
        .noneMatch(s -> s.equals("Nothing to look up."));
  }

  @Test
  void theDefaultModeOffersTheWebOnlyWhenWebSearchIsAvailable() {
    notes(alice);
    configureModel();
    gateway.completions.add("{\"source\": [\"notes\"], \"output\": \"text\"}");
    gateway.completions.add("{\"queries\": [\"green tea\"]}");
    chat.chat(ask(alice, "what do I drink"), new Recorder());
    assertThat(gateway.requests.getFirst().messages().getFirst().text())
        .contains("- notes:")
        .doesNotContain("- online:")
        .doesNotContain("- image:");

    gateway.requests.clear();
    gateway.completions.add("{\"source\": [\"online\"], \"output\": \"text\"}");
    gateway.completions.add("{\"queries\": [\"matcha price 2026\"]}");
    Recorder sink = new Recorder();
    chatWith(new ChatTools(
            web,
            WebReader.NOT_CONFIGURED,
            ImageGenerator.NOT_CONFIGURED,
            CodeSandbox.NOT_CONFIGURED,
            ToolServers.NONE,
            DiagramValidator.NOT_CONFIGURED))
        .chat(ask(bob, "what does matcha cost"), sink);

    assertThat(gateway.requests.getFirst().messages().getFirst().text())
        .contains("- online:")
        .doesNotContain("- notes:")
        .doesNotContain("- webpage:");
    assertThat(statuses(sink)).contains("**Selected Tools:** online, text");
    assertThat(web.queries())
        .extracting(WebSearch.Query::text)
        .containsExactly("matcha price 2026");
    assertThat(referencesOf(sink).onlineContext())
        .extracting(OnlineResult::query)
        .containsExactly("matcha price 2026");
  }

  @Test
  void aTurnNotesWhatItRevealsALaterTurnRecallsItAndAnAutomationRunNotesNothing() {
    configureModel();
    var memories = new io.khoj4j.application.port.out.memory.InMemoryMemoryRepository();
    ChatService withMemory = new ChatService(
        conversations,
        models,
        gateway,
        new LenientReplyReader(),
        search,
        content,
        tokens,
        ChatTools.noneConfigured(),
        createAutomation,
        unitOfWork,
        ids,
        clock,
        Optional.empty(),
        agents,
        new io.khoj4j.application.service.memory.ChatMemory(
            memories,
            embeddings,
            gateway,
            new LenientReplyReader(),
            unitOfWork,
            clock,
            io.khoj4j.domain.memory.MemoryMode.ENABLED_DEFAULT_ON,
            0.9,
            5),
        StoppingTurns.NONE);
    gateway.completions.add("{\"create\": [\"The user loves green tea.\"], \"delete\": []}");

    withMemory.chat(ask(alice, "/general I love green tea"), new Recorder());
    gateway.completions.add("{\"create\": [\"The user follows the news.\"], \"delete\": []}");
    withMemory.chat(ask(alice, "/automated_task news about green tea"), new Recorder());

    assertThat(memories.list(alice))
        .extracting(io.khoj4j.domain.memory.Memory::raw)
        .containsExactly("The user loves green tea.");
    assertThat(gateway.requests)
        .filteredOn(r -> r.messages().getLast().text().contains("facts worth remembering"))
        .hasSize(1);
    assertThat(gateway.requests.getLast().messages())
        .extracting(PromptMessage::text)
        .anySatisfy(
            t -> assertThat(t).contains("What you remember about me", "The user loves green tea."));
  }
}
