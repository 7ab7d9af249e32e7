package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.agent.GetAgentQuery;
import io.khoj4j.application.port.in.agent.GetAgentUseCase;
import io.khoj4j.application.port.in.chat.CreateConversationCommand;
import io.khoj4j.application.port.in.chat.CreateConversationUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.chat.Conversation;
import java.time.Clock;
import java.util.Optional;

/**
 * A new conversation with an agent the user may read (the built-in one when none is named). An agent the user may not
 * read — another user's private one, or none of that slug — is {@code NotFound}, so its existence is not revealed.
 */
public final class CreateConversationService implements CreateConversationUseCase {

  private final OwnedConversations owned;
  private final GetAgentUseCase agents;

  public CreateConversationService(
      ConversationRepository conversations,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock,
      GetAgentUseCase agents) {
    this.owned = new OwnedConversations(conversations, unitOfWork, ids, clock);
    this.agents = agents;
  }

  @Override
  public Conversation create(CreateConversationCommand command) {
    String agent = command
        .agentSlug()
        .filter(slug -> !slug.isBlank())
        .map(slug -> readableAgent(command, slug))
        .orElse(OwnedConversations.DEFAULT_AGENT);
    return owned.fresh(command.user(), null, agent);
  }

  private String readableAgent(CreateConversationCommand command, String slug) {
    AgentSlug wanted;
    try {
      wanted = AgentSlug.of(slug);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("No such agent currently exists.");
    }
    if (wanted.equals(Agent.DEFAULT_SLUG)) {
      return OwnedConversations.DEFAULT_AGENT;
    }
    return agents
        .get(new GetAgentQuery(Optional.of(command.user()), wanted))
        .slug()
        .value();
  }
}
