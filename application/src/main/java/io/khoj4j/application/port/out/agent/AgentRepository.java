package io.khoj4j.application.port.out.agent;

import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Stores agents. Reads are scoped by the viewer (what {@link Agent#readableBy} and {@link Agent#listedTo} allow),
 * writes by the creator; only {@link #saveManaged} writes an administrators' agent.
 */
public interface AgentRepository {

  void insert(Agent agent);

  /** Replaces the creator's agent with the same id; false when the creator has no such agent. */
  boolean update(UserId creator, Agent agent);

  /** Inserts or replaces an administrators' agent (no creator), matched by slug. */
  void saveManaged(Agent agent);

  /** The agent with this slug if the viewer may read it (anonymous viewer: empty). */
  Optional<Agent> findReadable(Optional<UserId> viewer, AgentSlug slug);

  /** The agents listed to the viewer, oldest first. */
  List<Agent> findListed(Optional<UserId> viewer);

  /** True when a public agent, or one of the creator's, already has this name (case-insensitive). */
  boolean nameTaken(UserId creator, String name);

  /** Deletes the creator's agent with this slug; false when the creator has none. */
  boolean delete(UserId creator, AgentSlug slug);

  /** The administrators' agent (no creator) with this slug, whatever its privacy. */
  Optional<Agent> findManaged(AgentSlug slug);

  /** Every administrators' agent, hidden and private ones too, oldest first. */
  List<Agent> findAllManaged();

  /** Deletes the administrators' agent with this slug; false when there is none. */
  boolean deleteManaged(AgentSlug slug);
}
