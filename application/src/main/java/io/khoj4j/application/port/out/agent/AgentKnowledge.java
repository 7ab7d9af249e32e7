package io.khoj4j.application.port.out.agent;

import io.khoj4j.domain.user.UserId;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * An agent's knowledge: a copy of entries its creator indexed, owned by the agent (ADR 0016). Deleting the agent
 * deletes its knowledge.
 */
public interface AgentKnowledge {

  /** The files of {@code files} the creator has indexed entries of. */
  Set<String> indexed(UserId creator, Collection<String> files);

  /**
   * Replaces the agent's knowledge with a copy of the creator's entries of these files (text, vectors, dates and
   * keyword postings alike); call inside the unit of work that saves the agent.
   */
  void replace(UUID agent, UserId creator, Collection<String> files);
}
