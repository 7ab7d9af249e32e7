package io.khoj4j.application.port.out.agent;

import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Fake {@link AgentRepository} keyed by slug; passes {@link AgentRepositoryContract}. */
public final class InMemoryAgentRepository implements AgentRepository {

  private final Map<AgentSlug, Agent> agents = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Agent agent) {
    if (agents.containsKey(agent.slug())) {
      throw new IllegalStateException("duplicate slug " + agent.slug());
    }
    agents.put(agent.slug(), agent);
  }

  @Override
  public synchronized boolean update(UserId creator, Agent agent) {
    Agent current = agents.get(agent.slug());
    if (current == null
        || !current.id().equals(agent.id())
        || !current.createdBy(creator)
        || !agent.createdBy(creator)) {
      return false;
    }
    agents.put(agent.slug(), agent);
    return true;
  }

  @Override
  public synchronized void saveManaged(Agent agent) {
    if (!agent.managedByAdmin()) {
      throw new IllegalArgumentException("not an administrators' agent");
    }
    Agent current = agents.get(agent.slug());
    if (current != null && !current.managedByAdmin()) {
      throw new IllegalStateException("slug taken by a user's agent");
    }
    agents.put(agent.slug(), agent);
  }

  @Override
  public synchronized Optional<Agent> findReadable(Optional<UserId> viewer, AgentSlug slug) {
    return Optional.ofNullable(agents.get(slug)).filter(a -> a.readableBy(viewer));
  }

  @Override
  public synchronized List<Agent> findListed(Optional<UserId> viewer) {
    return agents.values().stream()
        .filter(a -> a.listedTo(viewer))
        .sorted(Comparator.comparing(Agent::createdAt))
        .toList();
  }

  @Override
  public synchronized boolean nameTaken(UserId creator, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return agents.values().stream()
        .filter(a -> a.privacy() == AgentPrivacy.PUBLIC || a.createdBy(creator))
        .anyMatch(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted));
  }

  @Override
  public synchronized boolean delete(UserId creator, AgentSlug slug) {
    Agent current = agents.get(slug);
    if (current == null || !current.createdBy(creator)) {
      return false;
    }
    agents.remove(slug);
    return true;
  }

  @Override
  public synchronized Optional<Agent> findManaged(AgentSlug slug) {
    return Optional.ofNullable(agents.get(slug)).filter(Agent::managedByAdmin);
  }

  @Override
  public synchronized List<Agent> findAllManaged() {
    return agents.values().stream()
        .filter(Agent::managedByAdmin)
        .sorted(Comparator.comparing(Agent::createdAt))
        .toList();
  }

  @Override
  public synchronized boolean deleteManaged(AgentSlug slug) {
    Agent current = agents.get(slug);
    if (current == null || !current.managedByAdmin()) {
      return false;
    }
    agents.remove(slug);
    return true;
  }
}
