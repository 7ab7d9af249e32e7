package io.khoj4j.application.service.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.IndexContentResult;
import io.khoj4j.application.port.in.migration.ImportKhojCommand;
import io.khoj4j.application.port.in.migration.ImportReport;
import io.khoj4j.application.port.out.agent.InMemoryAgentKnowledge;
import io.khoj4j.application.port.out.agent.InMemoryAgentRepository;
import io.khoj4j.application.port.out.auth.InMemoryExternalIdentityRepository;
import io.khoj4j.application.port.out.automation.DailyCronCalendar;
import io.khoj4j.application.port.out.automation.InMemoryAutomationRepository;
import io.khoj4j.application.port.out.automation.RecordingAutomationScheduler;
import io.khoj4j.application.port.out.connector.InMemoryConnectorRepository;
import io.khoj4j.application.port.out.conversation.InMemoryConversationRepository;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.embedding.FakeEmbeddingModel;
import io.khoj4j.application.port.out.memory.InMemoryMemoryRepository;
import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.application.port.out.model.InMemoryChatModelRepository;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.InMemorySecretBox;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.application.port.out.subscription.InMemorySubscriptionRepository;
import io.khoj4j.application.port.out.token.InMemoryApiTokenRepository;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImportKhojDataServiceTest {

  private static final Instant AT = Instant.parse("2025-03-04T05:06:07Z");
  private static final String CONVERSATION = "3f1c2b7e-0000-4000-8000-000000000001";

  private final FakeKhojSource source = new FakeKhojSource();
  private final InMemoryImportMappings mappings = new InMemoryImportMappings();
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryApiTokenRepository tokens = new InMemoryApiTokenRepository(users);
  private final InMemoryChatModelRepository models = new InMemoryChatModelRepository();
  private final InMemoryAgentRepository agents = new InMemoryAgentRepository();
  private final InMemoryAgentKnowledge knowledge = new InMemoryAgentKnowledge();
  private final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
  private final InMemorySecretBox secrets = new InMemorySecretBox();
  private final InMemoryExternalIdentityRepository identities =
      new InMemoryExternalIdentityRepository();
  private final InMemoryConnectorRepository connectors = new InMemoryConnectorRepository();
  private final InMemorySubscriptionRepository subscriptions = new InMemorySubscriptionRepository();
  private final InMemoryMemoryRepository memories = new InMemoryMemoryRepository();
  private final FakeEmbeddingModel embeddings = new FakeEmbeddingModel();
  private final InMemoryAutomationRepository automations = new InMemoryAutomationRepository();
  private final RecordingAutomationScheduler scheduler = new RecordingAutomationScheduler();
  private final List<IndexContentCommand> indexed = new ArrayList<>();
  private final List<String> progress = new ArrayList<>();

  private final ImportKhojDataService service = service(embeddings);

  private ImportKhojDataService service(EmbeddingModel model) {
    return new ImportKhojDataService(
        location -> source,
        mappings,
        new DirectUnitOfWork(),
        new ImportKhojDataService.Repositories(
            users,
            tokens,
            models,
            agents,
            knowledge,
            conversations,
            identities,
            connectors,
            subscriptions,
            memories),
        new ImportKhojDataService.Schedules(
            automations, conversations, scheduler, new DailyCronCalendar()),
        this::index,
        model,
        secrets,
        new SequentialIdGenerator(),
        new MutableClock(AT));
  }

  /** A file name whose indexing is refused (over the owner's index ceiling), or null. */
  private String refused;

  private IndexContentResult index(IndexContentCommand command) {
    if (command.files().stream().anyMatch(f -> f.name().equals(refused))) {
      throw new io.khoj4j.application.error.QuotaExceededException("Too much data indexed.");
    }
    indexed.add(command);
    command.files().forEach(f -> knowledge.indexed(command.owner(), f.name()));
    int reused = command.knownVectors().size();
    return new IndexContentResult(
        command.files().stream().map(f -> f.name()).toList(),
        List.of(),
        1,
        0,
        1 - Math.min(1, reused),
        Math.min(1, reused));
  }

  private void fixture() {
    source.users.add(
        new KhojSource.User("1", "ann", "ann@example.org", "Ann", "", true, false, true, AT));
    source.users.add(
        new KhojSource.User("2", "bob", "bob@example.org", "", "", false, true, false, AT));
    source.tokens.add(new KhojSource.Token("10", "1", "kk-ann-old-token", "laptop", AT, AT));
    source.apis.add(new KhojSource.ModelApi("5", "OpenAI", "sk-secret", null));
    source.models.add(new KhojSource.ChatModel(
        "7", "gpt-4o", "GPT 4o", "openai", null, true, "free", null, null, "5"));
    source.models.add(new KhojSource.ChatModel(
        "8", "llama", null, "offline", null, false, "free", null, null, null));
    source.files.add(new KhojSource.File(
        "o1", "1", "/notes/garden.md", "markdown", "computer", "# Tomatoes\nwater"));
    source.files.add(
        new KhojSource.File("o2", "2", "/scan.pdf", "pdf", "computer", "scanned text"));
    source.agents.add(new KhojSource.Agent(
        "20",
        "1",
        "Gardener",
        "You garden.",
        List.of("notes", "bogus"),
        List.of(),
        "7",
        "gardener-1",
        "green",
        "Leaf",
        "private",
        false,
        false,
        Set.of("/notes/garden.md", "/notes/missing.md"),
        AT,
        AT));
    source.agents.add(new KhojSource.Agent(
        "22",
        "1",
        "Summariser",
        "You summarise.",
        List.of("summarize"),
        List.of("text"),
        "7",
        "summariser-1",
        "blue",
        "Book",
        "private",
        false,
        false,
        Set.of(),
        AT,
        AT));
    source.agents.add(new KhojSource.Agent(
        "21", null, "Khoj", "", List.of(), List.of(), "7", "khoj", null, null, "public", false,
        true, Set.of(), AT, AT));
    ChatMessage q = ChatMessage.fromUser("When to water?", AT, "t1", List.of(), List.of());
    source.conversations.add(new KhojSource.Conversation(
        CONVERSATION,
        "1",
        "When to water?",
        "Garden",
        Optional.of("20"),
        List.of("/notes/garden.md"),
        List.of(q),
        AT,
        AT));
    source.shared.add(new KhojSource.PublicConversation(
        "30", "1", "garden-abc", "Garden", Optional.empty(), List.of(q), AT));
    source.leftovers.add(new KhojSource.Leftover("github connections", 2));
    source.identities.add(
        new KhojSource.Identity("g|ann", "1", "https://accounts.google.com", "ann-sub", null));
    source.connectors.add(new KhojSource.Connector(
        "github:1",
        "1",
        "github",
        "ghp_secret",
        List.of(
            new KhojSource.Repo("khoj-ai", "khoj", "master"),
            new KhojSource.Repo("bad owner", "x", "main"))));
    source.connectors.add(
        new KhojSource.Connector("notion:2", "2", "notion", "secret_notion", List.of()));
    source.subscriptions.add(new KhojSource.Subscription(
        "2", "2", "standard", true, Instant.parse("2099-01-01T00:00:00Z"), null, AT));
    source.subscriptions.add(new KhojSource.Subscription("1", "1", "gold", false, null, null, AT));
    source.memories.add(new KhojSource.Memory("1:1", "1", "Ann grows tomatoes", AT));
  }

  private ImportReport run(boolean dryRun) {
    return service.importData(
        new ImportKhojCommand("jdbc:postgresql://khoj/khoj", dryRun), progress::add);
  }

  private UserId ann() {
    return users.findByEmail("ann@example.org").orElseThrow().id();
  }

  @Test
  void importsUsersTokensModelsFilesAgentsAndConversations() {
    fixture();

    ImportReport report = run(false);

    assertThat(report.imported("users")).isEqualTo(2);
    assertThat(users.findByEmail("bob@example.org").orElseThrow().admin()).isTrue();
    assertThat(
            tokens.findByHash(SecretHash.of("kk-ann-old-token")).orElseThrow().owner())
        .isEqualTo(ann());
    assertThat(models.apiKey(models.apiByName("OpenAI").orElseThrow().id()).map(secrets::open))
        .contains("sk-secret");
    assertThat(indexed).singleElement().satisfies(c -> {
      assertThat(c.owner()).isEqualTo(ann());
      assertThat(new String(c.files().getFirst().content(), StandardCharsets.UTF_8))
          .isEqualTo("# Tomatoes\nwater");
      assertThat(c.files().getFirst().contentType()).startsWith("text/markdown");
    });
    Agent gardener =
        agents.findReadable(Optional.of(ann()), AgentSlug.of("gardener-1")).orElseThrow();
    assertThat(gardener.chatModel()).contains("GPT 4o");
    assertThat(gardener.files()).containsExactly("/notes/garden.md");
    assertThat(knowledge.filesOf(gardener.id())).containsExactly("/notes/garden.md");
    assertThat(gardener.inputTools())
        .as("a value not known here is left out")
        .containsExactly(AgentInputTool.NOTES);
    Agent summariser =
        agents.findReadable(Optional.of(ann()), AgentSlug.of("summariser-1")).orElseThrow();
    assertThat(summariser.inputTools())
        .as("only tools not known here: limited, as Khoj limits it, not given every tool")
        .containsExactly(AgentInputTool.GENERAL);
    assertThat(report.skipped())
        .filteredOn(s -> s.item().equals("Summariser"))
        .extracting(ImportReport.Skipped::kind)
        .containsExactlyInAnyOrder("agent tools", "agent output modes");
    Conversation c = conversations.find(ann(), UUID.fromString(CONVERSATION)).orElseThrow();
    assertThat(c.title()).isEqualTo("Garden");
    assertThat(c.agentSlug()).isEqualTo("gardener-1");
    assertThat(conversations.messages(ann(), c.id()))
        .extracting(ChatMessage::message)
        .containsExactly("When to water?");
    assertThat(conversations.findPublic("garden-abc")).isPresent();
    assertThat(report.skipped())
        .extracting(ImportReport.Skipped::item)
        .contains(
            "/scan.pdf",
            "llama",
            "Khoj",
            "Gardener: /notes/missing.md",
            "2 in the source",
            "1 users");
    assertThat(progress).contains("users: 2 read");
    assertThat(source.closed).isEqualTo(1);
  }

  @Test
  void aFileThatCannotBeIndexedIsReportedAndTheRestIsImported() {
    fixture();
    source.files.add(new KhojSource.File(
        "o3", "1", "/notes/huge.md", "markdown", "computer", "# Huge\nvery much"));
    refused = "/notes/huge.md";

    ImportReport report = run(false);

    // it stopped the whole import, at the same file on every run
    assertThat(report.skipped())
        .filteredOn(s -> s.item().equals("/notes/huge.md"))
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("Too much data indexed"));
    assertThat(conversations.find(ann(), UUID.fromString(CONVERSATION))).isPresent();
    assertThat(report.imported("users")).isEqualTo(2);
  }

  @Test
  void automationsAreScheduledInTheirZoneAndAnswerInTheirConversation() {
    fixture();
    source.automations.add(new KhojSource.Automation(
        "automation_1_a",
        "1",
        "/automated_task Water the tomatoes?",
        "Remind me to water",
        "Watering",
        "30 7 * * *",
        Optional.of("Europe/Berlin"),
        Optional.of(CONVERSATION),
        Optional.empty(),
        new Automation.Place("Berlin", "Berlin", "Germany")));
    source.automations.add(new KhojSource.Automation(
        "automation_2_b",
        "2",
        "/automated_task What is due?\nAnd what is late?",
        "",
        "",
        "0 9 * * *",
        Optional.of("Not/AZone"),
        Optional.empty(),
        Optional.empty()));
    source.automations.add(KhojSource.Automation.unreadable(
        "automation_1_c", "1", "the scheduler job cannot be read: truncated"));
    source.automations.add(new KhojSource.Automation(
        "automation_1_d",
        "1",
        "/automated_task Weekly?",
        "",
        "Weekly",
        "0 9 * * 1",
        Optional.empty(),
        Optional.empty(),
        Optional.empty()));
    source.automations.add(new KhojSource.Automation(
        "automation_9_e",
        "9",
        "/automated_task Orphan?",
        "",
        "",
        "0 9 * * *",
        Optional.empty(),
        Optional.empty(),
        Optional.empty()));

    ImportReport report = run(false);

    assertThat(report.imported("automations")).isEqualTo(2);
    Automation watering = automations.list(ann()).getFirst();
    assertThat(watering.queryToRun()).isEqualTo("/automated_task Water the tomatoes?");
    assertThat(watering.schedulingRequest()).isEqualTo("Remind me to water");
    assertThat(watering.subject()).isEqualTo("Watering");
    assertThat(watering.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(watering.conversationId()).isEqualTo(UUID.fromString(CONVERSATION));
    assertThat(watering.place()).isEqualTo(new Automation.Place("Berlin", "Berlin", "Germany"));
    assertThat(scheduler.next.get(watering.id()))
        .as("07:30 in Berlin after %s", AT)
        .isEqualTo(Instant.parse("2025-03-04T06:30:00Z"));
    UserId bob = users.findByEmail("bob@example.org").orElseThrow().id();
    Automation due = automations.list(bob).getFirst();
    assertThat(due.subject()).isEqualTo("What is due?");
    assertThat(due.place()).isEqualTo(Automation.Place.UNKNOWN);
    assertThat(due.zone())
        .as("an unknown zone is read as UTC, as Khoj does")
        .isEqualTo(ZoneId.of("UTC"));
    assertThat(conversations.find(bob, due.conversationId()).orElseThrow().title())
        .isEqualTo("Automation: What is due?");
    assertThat(report.skipped())
        .filteredOn(s -> s.kind().equals("automations"))
        .extracting(ImportReport.Skipped::item, ImportReport.Skipped::reason)
        .containsExactlyInAnyOrder(
            tuple("automation_1_c", "the scheduler job cannot be read: truncated"),
            tuple("automation_1_d", "its crontime cannot be read here: 0 9 * * 1"),
            tuple("automation_9_e", "its owner was not imported"));

    ImportReport again = run(false);

    assertThat(again.imported("automations")).isZero();
    assertThat(automations.list(ann())).hasSize(1);
  }

  @Test
  void googleSignInAndConnectorsComeAlongWithTheirTokensSealed() {
    fixture();

    run(false);

    assertThat(identities
            .find("https://accounts.google.com", "ann-sub")
            .orElseThrow()
            .user())
        .isEqualTo(ann());
    var github = connectors.github(ann()).orElseThrow();
    assertThat(github.repos())
        .extracting(r -> r.owner() + "/" + r.name())
        .containsExactly("khoj-ai/khoj");
    assertThat(secrets.open(github.token().orElseThrow())).isEqualTo("ghp_secret");
    UserId bob = users.findByEmail("bob@example.org").orElseThrow().id();
    assertThat(connectors.notionToken(bob).map(secrets::open)).contains("secret_notion");
  }

  @Test
  void subscriptionsAndMemoriesComeAlongMemoriesEmbeddedHere() {
    fixture();

    ImportReport report = run(false);

    UserId bob = users.findByEmail("bob@example.org").orElseThrow().id();
    assertThat(subscriptions.find(bob).orElseThrow().renewalDate())
        .isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
    assertThat(subscriptions.find(ann())).isEmpty();
    assertThat(report.skipped())
        .anySatisfy(s -> assertThat(s.reason()).contains("Unknown subscription type: gold"));
    assertThat(memories.list(ann())).extracting(m -> m.raw()).containsExactly("Ann grows tomatoes");
    assertThat(memories.nearest(
            ann(), embeddings.embedQuery("Ann grows tomatoes"), embeddings.id(), 1, 2.0))
        .hasSize(1);
  }

  @Test
  void khojsVectorsAreKeptWhenItsModelIsThisServersAndItsDocumentsArePlain() {
    fixture();
    FakeEmbeddingModel same = new FakeEmbeddingModel("openai:nomic-embed-text", "nomic-embed-text");
    float[] piece = new float[FakeEmbeddingModel.DIMENSION];
    piece[1] = 3; // Khoj's vectors need not be unit length: kept normalised
    float[] memory = new float[FakeEmbeddingModel.DIMENSION];
    memory[2] = -2;
    source.searchModels.add(new KhojSource.SearchModel("1", "default", "thenlper/gte-small", true));
    source.searchModels.add(new KhojSource.SearchModel("2", "prompted", "Nomic-Embed-Text", false));
    source.searchModels.add(new KhojSource.SearchModel("3", "nomic", "nomic-embed-text", true));
    source.vectors.put(
        "1|/notes/garden.md|3",
        List.of(
            new KhojSource.Vector("# Tomatoes\nwater", piece),
            new KhojSource.Vector("a piece of another size", new float[] {1, 0}),
            new KhojSource.Vector("a zero vector", new float[FakeEmbeddingModel.DIMENSION])));
    source.memories.clear();
    source.memories.add(new KhojSource.Memory("1:1", "1", "Ann grows tomatoes", AT, "3", memory));
    source.memories.add(new KhojSource.Memory("1:2", "1", "Ann sows basil", AT, "1", piece));

    ImportReport report = service(same)
        .importData(new ImportKhojCommand("jdbc:postgresql://khoj/khoj", false), progress::add);

    float[] unitPiece = new float[FakeEmbeddingModel.DIMENSION];
    unitPiece[1] = 1;
    assertThat(indexed)
        .singleElement()
        .satisfies(c -> assertThat(c.knownVectors())
            .containsOnlyKeys(ContentHash.of("# Tomatoes\nwater"))
            .containsEntry(ContentHash.of("# Tomatoes\nwater"), unitPiece));
    float[] unitMemory = new float[FakeEmbeddingModel.DIMENSION];
    unitMemory[2] = -1;
    assertThat(memories.nearest(ann(), unitMemory, same.id(), 1, 1e-6))
        .extracting(m -> m.raw())
        .containsExactly("Ann grows tomatoes");
    assertThat(same.embeddedCount()).isEqualTo(1); // only the memory another model embedded
    assertThat(report.vectorsKept()).isEqualTo(2); // the stub indexer reports one chunk reused
    assertThat(progress)
        .anySatisfy(line -> assertThat(line)
            .startsWith("vectors: Khoj's nomic-embed-text is this server's embedding model"));
  }

  @Test
  void khojsVectorsAreNotAskedForWhenItsModelIsAnotherOne() {
    fixture();
    source.searchModels.add(new KhojSource.SearchModel("1", "default", "thenlper/gte-small", true));
    source.vectors.put(
        "1|/notes/garden.md|1",
        List.of(
            new KhojSource.Vector("# Tomatoes\nwater", new float[FakeEmbeddingModel.DIMENSION])));

    ImportReport report = run(false);

    assertThat(indexed)
        .singleElement()
        .satisfies(c -> assertThat(c.knownVectors()).isEmpty());
    assertThat(report.vectorsKept()).isZero();
    assertThat(progress)
        .contains("vectors: Khoj's thenlper/gte-small is not this server's embedding"
            + " model (fake-bag-of-words): notes and memories are embedded again");
  }

  @Test
  void aSecondRunImportsNothingTwice() {
    fixture();
    run(false);
    int messages = conversations.messages(ann(), UUID.fromString(CONVERSATION)).size();

    ImportReport again = run(false);

    assertThat(again.tallies())
        .allSatisfy(t -> assertThat(t.imported()).as(t.kind()).isZero());
    assertThat(again.tallies())
        .filteredOn(t -> t.kind().equals("conversations"))
        .singleElement()
        .satisfies(t -> assertThat(t.alreadyImported()).isEqualTo(1));
    assertThat(indexed).hasSize(1);
    assertThat(users.findAll(0, 10)).hasSize(2);
    assertThat(tokens.findByOwner(ann())).hasSize(1);
    assertThat(conversations.messages(ann(), UUID.fromString(CONVERSATION))).hasSize(messages);
  }

  @Test
  void anInterruptedRunContinuesWhereItStopped() {
    fixture();
    source.conversationFailures = 1;

    assertThatThrownBy(() -> run(false))
        .hasMessageContaining("connection to the Khoj database lost");
    assertThat(conversations.list(ann(), 0)).isEmpty();
    assertThat(source.closed).isEqualTo(1);

    ImportReport resumed = run(false);

    assertThat(resumed.imported("users")).isZero();
    assertThat(resumed.imported("conversations")).isEqualTo(1);
    assertThat(indexed).hasSize(1);
  }

  @Test
  void aDryRunCountsAndWritesNothing() {
    fixture();

    ImportReport report = run(true);

    assertThat(report.dryRun()).isTrue();
    assertThat(report.imported("users")).isEqualTo(2);
    assertThat(report.imported("conversations")).isEqualTo(1);
    assertThat(users.findAll(0, 10)).isEmpty();
    assertThat(mappings.mapped).isEmpty();
    assertThat(indexed).isEmpty();
  }

  @Test
  void aUserWhoseAddressIsTakenHereBecomesThatAccount() {
    User existing = users.insertIfAbsent(new User(
        new UserId(UUID.randomUUID()), "ann-here", "ann@example.org", "", "", true, false, AT));
    fixture();

    run(false);

    assertThat(ann()).isEqualTo(existing.id());
    assertThat(tokens.findByOwner(existing.id())).hasSize(1);
  }

  @Test
  void aTokenThatBelongsToAnotherAccountHereIsReportedNotMoved() {
    fixture();
    run(false);
    source.users.add(
        new KhojSource.User("3", "eve", "eve@example.org", "", "", false, false, false, AT));
    source.tokens.add(new KhojSource.Token("11", "3", "kk-ann-old-token", "stolen", AT, null));

    ImportReport report = run(false);

    assertThat(
            tokens.findByHash(SecretHash.of("kk-ann-old-token")).orElseThrow().owner())
        .isEqualTo(ann());
    assertThat(report.skipped())
        .anySatisfy(s -> assertThat(s.reason()).contains("belongs to another account"));
  }
}
