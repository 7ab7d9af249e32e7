package io.khoj4j.application.service.agent;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.agent.EnsureDefaultAgentUseCase;
import io.khoj4j.application.port.in.agent.GetConversationAgentQuery;
import io.khoj4j.application.port.in.agent.GetConversationAgentUseCase;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.user.UserId;
import java.util.Optional;

/** The agent of one of the caller's conversations, as its chat turns use it. */
public final class GetConversationAgentService implements GetConversationAgentUseCase {

  private final ConversationRepository conversations;
  private final AgentRepository agents;
  private final EnsureDefaultAgentUseCase defaultAgent;

  public GetConversationAgentService(
      ConversationRepository conversations,
      AgentRepository agents,
      EnsureDefaultAgentUseCase defaultAgent) {
    this.conversations = conversations;
    this.agents = agents;
    this.defaultAgent = defaultAgent;
  }

  @Override
  public Agent agentOf(GetConversationAgentQuery query) {
    Conversation conversation = conversations
        .find(query.user(), query.conversationId())
        .orElseThrow(() -> new NotFoundException(
            "Conversation with id " + query.conversationId() + " not found."));
    return conversationAgent(agents, query.user(), conversation)
        .orElseGet(defaultAgent::ensureDefaultAgent);
  }

  /** The conversation's own agent if it has one other than the default and its owner may still read it. */
  static Optional<Agent> conversationAgent(
      AgentRepository agents, UserId user, Conversation conversation) {
    return Optional.ofNullable(conversation.agentSlug())
        .filter(s -> !s.isBlank())
        .map(AgentSlug::of)
        .filter(slug -> !slug.equals(Agent.DEFAULT_SLUG))
        .flatMap(slug -> agents.findReadable(Optional.of(user), slug));
  }
}
