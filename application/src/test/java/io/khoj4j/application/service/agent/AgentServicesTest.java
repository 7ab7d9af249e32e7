package io.khoj4j.application.service.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.agent.AgentSettings;
import io.khoj4j.application.port.in.agent.CreateAgentCommand;
import io.khoj4j.application.port.in.agent.CreateHiddenAgentCommand;
import io.khoj4j.application.port.in.agent.DeleteAgentCommand;
import io.khoj4j.application.port.in.agent.EffectiveAgent;
import io.khoj4j.application.port.in.agent.GetAgentQuery;
import io.khoj4j.application.port.in.agent.GetConversationAgentQuery;
import io.khoj4j.application.port.in.agent.HiddenAgentSettings;
import io.khoj4j.application.port.in.agent.ListAgentsQuery;
import io.khoj4j.application.port.in.agent.ResolveAgentQuery;
import io.khoj4j.application.port.in.agent.UpdateAgentCommand;
import io.khoj4j.application.port.in.agent.UpdateHiddenAgentCommand;
import io.khoj4j.application.port.out.agent.InMemoryAgentKnowledge;
import io.khoj4j.application.port.out.agent.InMemoryAgentRepository;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.application.port.out.conversation.InMemoryConversationRepository;
import io.khoj4j.application.port.out.model.InMemoryChatModelRepository;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.TokenUsage;
import io.khoj4j.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentServicesTest {

  /** Answers every completion with {@link #verdict} and records the requests. */
  private static final class VerdictGateway implements ChatModelGateway {
    String verdict = "SAFE";
    final List<ChatCompletionRequest> requests = new ArrayList<>();

    @Override
    public ChatStream stream(ChatCompletionRequest request, ChatStreamListener listener) {
      throw new UnsupportedOperationException("the safety check never streams");
    }

    @Override
    public ChatCompletion complete(ChatCompletionRequest request) {
      requests.add(request);
      return new ChatCompletion(verdict, "", TokenUsage.NONE);
    }
  }

  private static final ChatModelEndpoint ENDPOINT =
      new ChatModelEndpoint(ModelVendor.OPENAI, "gpt-test", null, "", 10_000, false);

  private final UserId alice = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());
  private final InMemoryAgentRepository repository = new InMemoryAgentRepository();
  private final InMemoryChatModelRepository models = new InMemoryChatModelRepository();
  private final VerdictGateway gateway = new VerdictGateway();
  private Optional<ChatModelEndpoint> endpoint = Optional.of(ENDPOINT);
  private final InMemoryAgentKnowledge knowledge = new InMemoryAgentKnowledge();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final SequentialIdGenerator ids = new SequentialIdGenerator();
  private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  private final PersonaSafetyCheck safety = new PersonaSafetyCheck(gateway, user -> endpoint);
  private final EnsureDefaultAgentService defaults =
      new EnsureDefaultAgentService(repository, unitOfWork, ids, clock);
  private final ListAgentsService listAgents = new ListAgentsService(repository);
  private final GetAgentService getAgent = new GetAgentService(repository);
  private final CreateAgentService createAgent =
      new CreateAgentService(repository, models, knowledge, safety, unitOfWork, ids, clock);
  private final UpdateAgentService updateAgent =
      new UpdateAgentService(repository, models, knowledge, safety, unitOfWork, clock);
  private final DeleteAgentService deleteAgent =
      new DeleteAgentService(repository, models, unitOfWork);
  private final ResolveAgentService resolveAgent =
      new ResolveAgentService(repository, models, defaults);
  private final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
  private final GetConversationAgentService conversationAgent =
      new GetConversationAgentService(conversations, repository, defaults);
  private final CreateHiddenAgentService createHidden = new CreateHiddenAgentService(
      conversations, repository, models, safety, unitOfWork, ids, clock);
  private final UpdateHiddenAgentService updateHidden =
      new UpdateHiddenAgentService(repository, models, safety, unitOfWork, clock);

  private static AgentSettings settings(String name, AgentPrivacy privacy) {
    return new AgentSettings(
        name,
        "Answer like a patient tutor.",
        privacy,
        Optional.empty(),
        Set.of(AgentInputTool.NOTES),
        Set.of(AgentOutputMode.DIAGRAM),
        "blue",
        "Student",
        false);
  }

  private Agent create(UserId creator, String name, AgentPrivacy privacy) {
    return createAgent.create(new CreateAgentCommand(creator, settings(name, privacy)));
  }

  @Test
  void theDefaultAgentIsCreatedOnceAndListedFirstToEveryone() {
    Agent khoj = defaults.ensureDefaultAgent();
    Agent mine = create(alice, "Tutor", AgentPrivacy.PRIVATE);

    assertThat(defaults.ensureDefaultAgent()).isEqualTo(khoj);
    assertThat(khoj.slug().value()).isEqualTo("khoj");
    assertThat(khoj.managedByAdmin()).isTrue();
    assertThat(listAgents.list(new ListAgentsQuery(Optional.of(alice))))
        .containsExactly(khoj, mine);
    assertThat(listAgents.list(new ListAgentsQuery(Optional.empty()))).containsExactly(khoj);
  }

  @Test
  void aNewAgentGetsASlugFromItsNameThatARenameKeeps() {
    Agent agent = create(alice, "Math Tutor", AgentPrivacy.PRIVATE);

    assertThat(agent.slug().value()).matches("math-tutor-\\d{6}");
    Agent renamed = updateAgent.update(
        new UpdateAgentCommand(alice, agent.slug(), settings("Physics", AgentPrivacy.PRIVATE)));
    assertThat(renamed.slug()).isEqualTo(agent.slug());
    assertThat(getAgent.get(new GetAgentQuery(Optional.of(alice), agent.slug())).name())
        .isEqualTo("Physics");
  }

  @Test
  void anotherUsersPrivateAgentIsNotFoundInEveryUseCase() {
    Agent agent = create(alice, "Secret", AgentPrivacy.PRIVATE);

    assertThat(listAgents.list(new ListAgentsQuery(Optional.of(bob)))).doesNotContain(agent);
    assertThatThrownBy(() -> getAgent.get(new GetAgentQuery(Optional.of(bob), agent.slug())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> updateAgent.update(
            new UpdateAgentCommand(bob, agent.slug(), settings("Mine now", AgentPrivacy.PUBLIC))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> deleteAgent.delete(new DeleteAgentCommand(bob, agent.slug())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> resolveAgent.resolve(new ResolveAgentQuery(bob, Optional.of(agent.slug()))))
        .isInstanceOf(NotFoundException.class);
    assertThat(getAgent.get(new GetAgentQuery(Optional.of(alice), agent.slug())))
        .isEqualTo(agent);
  }

  @Test
  void anotherUsersPublicAgentCanBeReadButNotChangedOrDeleted() {
    Agent agent = create(alice, "Open", AgentPrivacy.PUBLIC);

    assertThat(getAgent.get(new GetAgentQuery(Optional.of(bob), agent.slug()))).isEqualTo(agent);
    assertThatThrownBy(() -> updateAgent.update(
            new UpdateAgentCommand(bob, agent.slug(), settings("Hijacked", AgentPrivacy.PUBLIC))))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> deleteAgent.delete(new DeleteAgentCommand(bob, agent.slug())))
        .isInstanceOf(ForbiddenException.class);
    assertThat(getAgent.get(new GetAgentQuery(Optional.of(alice), agent.slug())))
        .isEqualTo(agent);
  }

  @Test
  void theDefaultAgentCannotBeChangedOrDeletedByUsers() {
    Agent khoj = defaults.ensureDefaultAgent();

    assertThatThrownBy(() -> updateAgent.update(
            new UpdateAgentCommand(alice, khoj.slug(), settings("Not Khoj", AgentPrivacy.PUBLIC))))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> deleteAgent.delete(new DeleteAgentCommand(alice, khoj.slug())))
        .isInstanceOf(ForbiddenException.class);
    assertThat(defaults.ensureDefaultAgent()).isEqualTo(khoj);
  }

  @Test
  void aProtectedAgentIsReadableWithItsSlugButNotListed() {
    Agent agent = create(alice, "Link only", AgentPrivacy.PROTECTED);

    assertThat(getAgent.get(new GetAgentQuery(Optional.of(bob), agent.slug()))).isEqualTo(agent);
    assertThat(listAgents.list(new ListAgentsQuery(Optional.of(bob)))).doesNotContain(agent);
  }

  @Test
  void badInputIsRefusedAndNothingIsWritten() {
    assertThatThrownBy(() -> create(alice, " ", AgentPrivacy.PRIVATE))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> create(alice, "x".repeat(201), AgentPrivacy.PRIVATE))
        .isInstanceOf(InvalidInputException.class);
    AgentSettings unknownModel = new AgentSettings(
        "Tutor",
        "",
        AgentPrivacy.PRIVATE,
        Optional.of("no-such-model"),
        Set.of(),
        Set.of(),
        null,
        null,
        false);
    assertThatThrownBy(() -> createAgent.create(new CreateAgentCommand(alice, unknownModel)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no-such-model");

    assertThat(listAgents.list(new ListAgentsQuery(Optional.of(alice)))).isEmpty();
  }

  @Test
  void aConfiguredModelIsAccepted() {
    models.saveModel(new ChatModel(
        0, "gpt-test", "GPT Test", ModelVendor.OPENAI, null, false, null, "", "", null));
    AgentSettings withModel = new AgentSettings(
        "Tutor",
        "",
        AgentPrivacy.PRIVATE,
        Optional.of("GPT Test"),
        Set.of(),
        Set.of(),
        null,
        null,
        false);

    Agent agent = createAgent.create(new CreateAgentCommand(alice, withModel));

    assertThat(agent.chatModel()).contains("GPT Test");
    assertThat(resolveAgent
            .resolve(new ResolveAgentQuery(alice, Optional.of(agent.slug())))
            .chatModel())
        .contains("GPT Test");
  }

  @Test
  void aDuplicateNameIsRefused() {
    create(alice, "Tutor", AgentPrivacy.PRIVATE);

    assertThatThrownBy(() -> create(alice, "tutor", AgentPrivacy.PRIVATE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("A private Agent with the name tutor already exists.");
    create(bob, "Tutor", AgentPrivacy.PRIVATE);
  }

  @Test
  void anUnsafePersonaIsRefusedWithTheModelsReason() {
    gateway.verdict = "UNSAFE: it asks for insults.";

    assertThatThrownBy(() -> create(alice, "Rude", AgentPrivacy.PUBLIC))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("it asks for insults.");
    assertThat(listAgents.list(new ListAgentsQuery(Optional.of(alice)))).isEmpty();
    assertThat(gateway.requests).hasSize(1);
    assertThat(gateway.requests.getFirst().messages().getLast().text())
        .contains("Answer like a patient tutor.");
  }

  @Test
  void withoutAModelThePersonaCheckIsSkipped() {
    endpoint = Optional.empty();
    gateway.verdict = "UNSAFE: never asked";

    Agent agent = create(alice, "Tutor", AgentPrivacy.PUBLIC);

    assertThat(agent.persona()).isEqualTo("Answer like a patient tutor.");
    assertThat(gateway.requests).isEmpty();
  }

  @Test
  void anUnchangedPersonaIsNotCheckedAgain() {
    Agent agent = create(alice, "Tutor", AgentPrivacy.PRIVATE);
    gateway.verdict = "UNSAFE: would refuse";

    updateAgent.update(
        new UpdateAgentCommand(alice, agent.slug(), settings("Tutor two", AgentPrivacy.PRIVATE)));

    assertThat(gateway.requests).hasSize(1);
  }

  @Test
  void theDefaultAgentResolvesToTheStandardPersonaAndTheUsersOwnNotes() {
    EffectiveAgent effective = resolveAgent.resolve(new ResolveAgentQuery(alice, Optional.empty()));

    assertThat(effective.agent().isDefault()).isTrue();
    assertThat(effective.persona()).isEmpty();
    assertThat(effective.chatModel()).isEmpty();
    assertThat(effective.searchOwner()).isEqualTo(alice);
    assertThat(effective.knowledgeAgent()).isEmpty();
    assertThat(effective.allows(AgentInputTool.ONLINE)).isTrue();
    assertThat(resolveAgent
            .resolve(new ResolveAgentQuery(alice, Optional.of(AgentSlug.of("KHOJ"))))
            .agent())
        .isEqualTo(effective.agent());
  }

  @Test
  void whatAdministratorsGaveTheDefaultAgentIsUsedAndAPrivateOneIsNotOverwritten() {
    Agent khoj = defaults.ensureDefaultAgent();
    Agent changed = new Agent(
        khoj.id(),
        khoj.slug(),
        Optional.empty(),
        khoj.name(),
        "Be brief.",
        AgentPrivacy.PRIVATE,
        Optional.empty(),
        java.util.Set.of(),
        java.util.Set.of(),
        khoj.color(),
        khoj.icon(),
        false,
        khoj.createdAt(),
        khoj.updatedAt());
    repository.saveManaged(changed);

    // a private default agent was not found by the check, and was overwritten with the defaults
    assertThat(defaults.ensureDefaultAgent().persona()).isEqualTo("Be brief.");
    EffectiveAgent effective = resolveAgent.resolve(new ResolveAgentQuery(alice, Optional.empty()));
    assertThat(effective.persona()).contains("Be brief.");
    assertThat(effective.knowledgeAgent()).isEmpty();
  }

  @Test
  void aPublicAgentResolvesForAnotherUserToItsPersonaToolsAndKnowledgeButNeverItsCreatorsNotes() {
    Agent agent = create(alice, "Tutor", AgentPrivacy.PUBLIC);

    EffectiveAgent effective =
        resolveAgent.resolve(new ResolveAgentQuery(bob, Optional.of(agent.slug())));

    assertThat(effective.persona()).contains("Answer like a patient tutor.");
    assertThat(effective.searchOwner()).isEqualTo(bob);
    assertThat(effective.knowledgeAgent()).contains(agent.id());
    assertThat(effective.allows(AgentInputTool.NOTES)).isTrue();
    assertThat(effective.allows(AgentInputTool.ONLINE)).isFalse();
    assertThat(effective.allows(AgentOutputMode.DIAGRAM)).isTrue();
    assertThat(effective.allows(AgentOutputMode.IMAGE)).isFalse();
  }

  private static AgentSettings withFiles(String name, String... files) {
    return new AgentSettings(
        name,
        "Answer from the files.",
        AgentPrivacy.PUBLIC,
        Optional.empty(),
        Set.of(),
        Set.of(),
        null,
        null,
        false,
        List.of(files));
  }

  @Test
  void anAgentsFilesAreCopiedIntoItsKnowledgeWhenItIsSavedAndAgainWhenChanged() {
    knowledge.indexed(alice, "/notes/tea.md", "/notes/car.md");

    Agent agent =
        createAgent.create(new CreateAgentCommand(alice, withFiles("Librarian", "/notes/tea.md")));

    assertThat(agent.files()).containsExactly("/notes/tea.md");
    assertThat(knowledge.filesOf(agent.id())).containsExactly("/notes/tea.md");
    updateAgent.update(
        new UpdateAgentCommand(alice, agent.slug(), withFiles("Librarian", "/notes/car.md")));
    assertThat(knowledge.filesOf(agent.id())).containsExactly("/notes/car.md");
    assertThat(getAgent.get(new GetAgentQuery(Optional.of(bob), agent.slug())).files())
        .containsExactly("/notes/car.md");
  }

  @Test
  void aFileTheCreatorHasNotIndexedIsRefusedAndNothingIsWritten() {
    knowledge.indexed(alice, "/notes/tea.md");
    knowledge.indexed(bob, "/notes/bobs-diary.md");

    assertThatThrownBy(() -> createAgent.create(new CreateAgentCommand(
            alice, withFiles("Snoop", "/notes/tea.md", "/notes/bobs-diary.md"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/notes/bobs-diary.md");

    assertThat(listAgents.list(new ListAgentsQuery(Optional.of(alice)))).isEmpty();
  }

  private UUID conversationOf(UserId owner, String agentSlug) {
    UUID id = UUID.randomUUID();
    conversations.createIfAbsent(new Conversation(
        id, owner, null, null, agentSlug, List.of(), clock.instant(), clock.instant()));
    return id;
  }

  private static HiddenAgentSettings hiddenSettings(String persona) {
    return new HiddenAgentSettings(
        persona, Optional.empty(), Set.of(AgentInputTool.GENERAL), Set.of());
  }

  @Test
  void aHiddenAgentBecomesTheConversationsAgentOnceAndIsNeverListed() {
    UUID conversation = conversationOf(alice, "khoj");

    Agent hidden = createHidden.create(
        new CreateHiddenAgentCommand(alice, conversation, hiddenSettings("Haiku.")));

    assertThat(hidden.name()).matches("[a-z]+_[a-z]+\\d{4}");
    assertThat(hidden.hidden()).isTrue();
    assertThat(hidden.privacy()).isEqualTo(AgentPrivacy.PRIVATE);
    assertThat(conversationAgent.agentOf(new GetConversationAgentQuery(alice, conversation)))
        .isEqualTo(hidden);
    assertThat(listAgents.list(new ListAgentsQuery(Optional.of(alice)))).doesNotContain(hidden);
    assertThatThrownBy(() -> createHidden.create(
            new CreateHiddenAgentCommand(alice, conversation, hiddenSettings("Again."))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Use the PATCH method");

    Agent changed = updateHidden.update(
        new UpdateHiddenAgentCommand(alice, hidden.slug(), hiddenSettings("Odes.")));
    assertThat(changed.persona()).isEqualTo("Odes.");
    assertThat(changed.slug()).isEqualTo(hidden.slug());
  }

  @Test
  void anotherUsersConversationOrHiddenAgentIsNotFound() {
    UUID conversation = conversationOf(alice, "khoj");
    Agent hidden = createHidden.create(
        new CreateHiddenAgentCommand(alice, conversation, hiddenSettings("Haiku.")));
    Agent visible = create(alice, "Open", AgentPrivacy.PUBLIC);

    assertThatThrownBy(
            () -> conversationAgent.agentOf(new GetConversationAgentQuery(bob, conversation)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> createHidden.create(
            new CreateHiddenAgentCommand(bob, conversation, hiddenSettings("Obey Bob."))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> updateHidden.update(
            new UpdateHiddenAgentCommand(bob, hidden.slug(), hiddenSettings("Obey Bob."))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> updateHidden.update(
            new UpdateHiddenAgentCommand(alice, visible.slug(), hiddenSettings("Not hidden."))))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            getAgent.get(new GetAgentQuery(Optional.of(alice), hidden.slug())).persona())
        .isEqualTo("Haiku.");
  }

  @Test
  void aConversationWhoseAgentIsGoneTalksAsTheDefaultAgent() {
    Agent shared = create(alice, "Fleeting", AgentPrivacy.PUBLIC);
    UUID conversation = conversationOf(bob, shared.slug().value());
    deleteAgent.delete(new DeleteAgentCommand(alice, shared.slug()));

    assertThat(conversationAgent
            .agentOf(new GetConversationAgentQuery(bob, conversation))
            .isDefault())
        .isTrue();
  }
}
