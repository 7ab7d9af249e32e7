package io.khoj4j.application.service.agent;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.agent.CreateHiddenAgentCommand;
import io.khoj4j.application.port.in.agent.CreateHiddenAgentUseCase;
import io.khoj4j.application.port.in.agent.HiddenAgentSettings;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.chat.Conversation;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A conversation's own customisation: a private, hidden agent (generated name, Lightbulb, blue) made for a conversation
 * that still talks as the default agent, stored together with the conversation's new agent.
 */
public final class CreateHiddenAgentService implements CreateHiddenAgentUseCase {

  static final String HIDDEN_COLOR = "blue";

  private final ConversationRepository conversations;
  private final AgentRepository agents;
  private final AgentRules rules;
  private final PersonaSafetyCheck safety;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateHiddenAgentService(
      ConversationRepository conversations,
      AgentRepository agents,
      ChatModelRepository models,
      PersonaSafetyCheck safety,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    this.conversations = conversations;
    this.agents = agents;
    this.rules = new AgentRules(agents, models);
    this.safety = safety;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Agent create(CreateHiddenAgentCommand command) {
    Conversation conversation = conversations
        .find(command.user(), command.conversationId())
        .orElseThrow(() -> new NotFoundException(
            "Conversation with id " + command.conversationId() + " not found."));
    if (GetConversationAgentService.conversationAgent(agents, command.user(), conversation)
        .isPresent()) {
      throw new InvalidInputException("Conversation " + command.conversationId()
          + " already has an agent. Use the PATCH method.");
    }
    HiddenAgentSettings settings = command.settings();
    rules.checkModel(settings.chatModel());
    safety.check(command.user(), settings.persona(), AgentPrivacy.PRIVATE);
    UUID id = ids.newId();
    String name = HiddenAgentNames.of(id);
    Instant now = clock.instant();
    Agent agent = new Agent(
        id,
        AgentSlug.derive(name, id),
        Optional.of(command.user()),
        name,
        settings.persona(),
        AgentPrivacy.PRIVATE,
        settings.chatModel(),
        settings.inputTools(),
        settings.outputModes(),
        HIDDEN_COLOR,
        Agent.DEFAULT_ICON,
        true,
        now,
        now);
    unitOfWork.run(() -> {
      agents.insert(agent);
      conversations.setAgentSlug(command.user(), conversation.id(), agent.slug().value());
    });
    return agent;
  }
}
