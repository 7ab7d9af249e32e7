package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.Agent;

/**
 * The agent a conversation talks as; the default agent when it has none, or when its agent was deleted or made
 * private since. A conversation of someone else's is not found.
 */
public interface GetConversationAgentUseCase {

  Agent agentOf(GetConversationAgentQuery query);
}
