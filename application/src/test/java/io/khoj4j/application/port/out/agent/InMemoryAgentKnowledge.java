package io.khoj4j.application.port.out.agent;

import io.khoj4j.domain.user.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@link AgentKnowledge} in memory: which files each user has indexed, and which each agent knows. */
public final class InMemoryAgentKnowledge implements AgentKnowledge {

  private final Map<UserId, Set<String>> indexed = new HashMap<>();
  private final Map<UUID, Set<String>> known = new HashMap<>();

  /** Says that the user has indexed these files. */
  public synchronized InMemoryAgentKnowledge indexed(UserId user, String... files) {
    indexed.computeIfAbsent(user, u -> new LinkedHashSet<>()).addAll(java.util.List.of(files));
    return this;
  }

  @Override
  public synchronized Set<String> indexed(UserId creator, Collection<String> files) {
    Set<String> found = new LinkedHashSet<>(files);
    found.retainAll(indexed.getOrDefault(creator, Set.of()));
    return Set.copyOf(found);
  }

  @Override
  public synchronized void replace(UUID agent, UserId creator, Collection<String> files) {
    known.put(agent, indexed(creator, files));
  }

  public synchronized Set<String> filesOf(UUID agent) {
    return Set.copyOf(known.getOrDefault(agent, Set.of()));
  }
}
