package io.khoj4j.application.service.agent;

import io.khoj4j.application.port.in.agent.EffectiveAgent;
import io.khoj4j.application.port.in.agent.EnsureDefaultAgentUseCase;
import io.khoj4j.application.port.in.agent.ResolveAgentQuery;
import io.khoj4j.application.port.in.agent.ResolveAgentUseCase;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.user.UserId;
import java.util.Optional;

/**
 * What a chat turn needs of the agent it talks as: the persona, the model (one removed since is dropped), and whose
 * entries a search may use — the chatting user's and the agent's own knowledge, never the creator's other notes.
 */
public final class ResolveAgentService implements ResolveAgentUseCase {

  private final AgentRules rules;
  private final EnsureDefaultAgentUseCase defaultAgent;

  public ResolveAgentService(
      AgentRepository agents, ChatModelRepository models, EnsureDefaultAgentUseCase defaultAgent) {
    this.rules = new AgentRules(agents, models);
    this.defaultAgent = defaultAgent;
  }

  @Override
  public EffectiveAgent resolve(ResolveAgentQuery query) {
    Optional<UserId> viewer = Optional.of(query.user());
    Agent agent = query
        .slug()
        .filter(slug -> !slug.equals(Agent.DEFAULT_SLUG))
        .map(slug -> rules.readable(viewer, slug))
        .orElseGet(defaultAgent::ensureDefaultAgent);
    Optional<String> persona =
        agent.persona().isBlank() ? Optional.empty() : Optional.of(agent.persona());
    Optional<String> model = agent.chatModel().filter(rules::modelExists);
    // the default agent speaks with what administrators gave it (a persona, a model, files); its
    // searches
    // reach no agent knowledge while it has none
    Optional<java.util.UUID> knowledge =
        agent.isDefault() && !agent.hasKnowledge() ? Optional.empty() : Optional.of(agent.id());
    return new EffectiveAgent(agent, persona, model, query.user(), knowledge);
  }
}
