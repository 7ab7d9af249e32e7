package io.khoj4j.application.service.agent;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.agent.AgentSettings;
import io.khoj4j.application.port.in.agent.CreateAgentCommand;
import io.khoj4j.application.port.in.agent.CreateAgentUseCase;
import io.khoj4j.application.port.in.agent.DeleteAgentCommand;
import io.khoj4j.application.port.in.agent.DeleteAgentUseCase;
import io.khoj4j.application.port.in.agent.EffectiveAgent;
import io.khoj4j.application.port.in.agent.EnsureDefaultAgentUseCase;
import io.khoj4j.application.port.in.agent.GetAgentQuery;
import io.khoj4j.application.port.in.agent.GetAgentUseCase;
import io.khoj4j.application.port.in.agent.ListAgentsQuery;
import io.khoj4j.application.port.in.agent.ListAgentsUseCase;
import io.khoj4j.application.port.in.agent.ResolveAgentQuery;
import io.khoj4j.application.port.in.agent.ResolveAgentUseCase;
import io.khoj4j.application.port.in.agent.UpdateAgentCommand;
import io.khoj4j.application.port.in.agent.UpdateAgentUseCase;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Agents: listing, reading, creating, changing and deleting them under Khoj's privacy rules (deny by default: an
 * agent the caller may not read is "not found" everywhere), the default agent {@code khoj}, and what a chat turn
 * needs to talk as an agent ({@link ResolveAgentUseCase}).
 */
public final class AgentService
    implements ListAgentsUseCase, GetAgentUseCase, CreateAgentUseCase, UpdateAgentUseCase, DeleteAgentUseCase,
        ResolveAgentUseCase, EnsureDefaultAgentUseCase {

  static final String DEFAULT_NAME = "Khoj";

  private final AgentRepository agents;
  private final ChatModelRepository models;
  private final PersonaSafetyCheck safety;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;

  public AgentService(
      AgentRepository agents,
      ChatModelRepository models,
      PersonaSafetyCheck safety,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    this.agents = agents;
    this.models = models;
    this.safety = safety;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Agent ensureDefaultAgent() {
    return agents.findReadable(Optional.empty(), Agent.DEFAULT_SLUG).orElseGet(() -> {
      Instant now = clock.instant();
      Agent khoj = new Agent(ids.newId(), Agent.DEFAULT_SLUG, Optional.empty(), DEFAULT_NAME, "",
          AgentPrivacy.PUBLIC, Optional.empty(), Set.of(), Set.of(), Agent.DEFAULT_COLOR, Agent.DEFAULT_ICON,
          false, now, now);
      unitOfWork.run(() -> agents.saveManaged(khoj));
      return khoj;
    });
  }

  @Override
  public List<Agent> list(ListAgentsQuery query) {
    List<Agent> listed = new ArrayList<>();
    List<Agent> rest = new ArrayList<>();
    for (Agent agent : agents.findListed(query.viewer())) {
      (agent.isDefault() ? listed : rest).add(agent);
    }
    listed.addAll(rest);
    return List.copyOf(listed);
  }

  @Override
  public Agent get(GetAgentQuery query) {
    return agents.findReadable(query.viewer(), query.slug()).orElseThrow(() -> notFound(query.slug()));
  }

  @Override
  public Agent create(CreateAgentCommand command) {
    AgentSettings settings = command.settings();
    String name = validName(settings.name());
    checkModel(settings.chatModel());
    if (agents.nameTaken(command.creator(), name)) {
      throw new InvalidInputException(
          "A " + settings.privacy().wireName() + " Agent with the name " + name + " already exists.");
    }
    safety.check(command.creator(), settings.persona(), settings.privacy());
    UUID id = ids.newId();
    Instant now = clock.instant();
    Agent agent = build(id, AgentSlug.derive(name, id), Optional.of(command.creator()), name, settings, now, now);
    unitOfWork.run(() -> agents.insert(agent));
    return agent;
  }

  @Override
  public Agent update(UpdateAgentCommand command) {
    AgentSettings settings = command.settings();
    Agent current = agents.findReadable(Optional.of(command.editor()), command.slug())
        .orElseThrow(() -> notFound(command.slug()));
    if (!current.createdBy(command.editor())) {
      throw new ForbiddenException("Only the agent's creator can change it.");
    }
    String name = validName(settings.name());
    checkModel(settings.chatModel());
    if (!settings.persona().equals(current.persona()) || settings.privacy() != current.privacy()) {
      safety.check(command.editor(), settings.persona(), settings.privacy());
    }
    Agent changed = build(current.id(), current.slug(), current.creator(), name, settings, current.createdAt(),
        clock.instant());
    unitOfWork.run(() -> {
      if (!agents.update(command.editor(), changed)) {
        throw notFound(command.slug());
      }
    });
    return changed;
  }

  @Override
  public void delete(DeleteAgentCommand command) {
    Agent agent = agents.findReadable(Optional.of(command.owner()), command.slug())
        .orElseThrow(() -> notFound(command.slug()));
    if (!agent.createdBy(command.owner())) {
      throw new ForbiddenException("Only the agent's creator can delete it.");
    }
    unitOfWork.run(() -> agents.delete(command.owner(), command.slug()));
  }

  @Override
  public EffectiveAgent resolve(ResolveAgentQuery query) {
    Optional<UserId> viewer = Optional.of(query.user());
    Agent agent = query.slug()
        .filter(slug -> !slug.equals(Agent.DEFAULT_SLUG))
        .map(slug -> agents.findReadable(viewer, slug).orElseThrow(() -> notFound(slug)))
        .orElseGet(this::ensureDefaultAgent);
    if (agent.isDefault()) {
      return new EffectiveAgent(agent, Optional.empty(), Optional.empty(), query.user(), Optional.empty());
    }
    Optional<String> persona = agent.persona().isBlank() ? Optional.empty() : Optional.of(agent.persona());
    Optional<String> model = agent.chatModel().filter(this::modelExists);
    return new EffectiveAgent(agent, persona, model, query.user(), Optional.of(agent.id()));
  }

  private Agent build(UUID id, AgentSlug slug, Optional<UserId> creator, String name, AgentSettings settings,
      Instant createdAt, Instant updatedAt) {
    return new Agent(id, slug, creator, name, settings.persona(), settings.privacy(), settings.chatModel(),
        settings.inputTools(), settings.outputModes(), settings.color(), settings.icon(), settings.hidden(),
        createdAt, updatedAt);
  }

  private static String validName(String name) {
    try {
      return Agent.validName(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  private void checkModel(Optional<String> chatModel) {
    chatModel.ifPresent(name -> {
      if (!modelExists(name)) {
        throw new InvalidInputException("Chat model " + name + " is not available.");
      }
    });
  }

  private boolean modelExists(String friendlyName) {
    return models.models().stream().map(ChatModel::friendlyName).anyMatch(friendlyName::equals);
  }

  private static NotFoundException notFound(AgentSlug slug) {
    return new NotFoundException("Agent with name " + slug + " not found.");
  }
}
