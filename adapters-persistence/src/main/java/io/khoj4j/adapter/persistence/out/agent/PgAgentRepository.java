package io.khoj4j.adapter.persistence.out.agent;

import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PgAgentRepository implements AgentRepository {

  @Override
  @Transactional
  public void insert(Agent agent) {
    AgentEntity e = new AgentEntity();
    e.id = agent.id();
    copy(agent, e);
    // flushed now: the agent's knowledge is written next in the same transaction, by plain JDBC,
    // and refers to it
    e.persistAndFlush();
  }

  @Override
  @Transactional
  public boolean update(UserId creator, Agent agent) {
    if (!agent.createdBy(creator)) {
      return false;
    }
    Optional<AgentEntity> row = AgentEntity.<AgentEntity>find(
            "id = ?1 and slug = ?2 and creatorId = ?3",
            agent.id(),
            agent.slug().value(),
            creator.value())
        .firstResultOptional();
    row.ifPresent(e -> {
      copy(agent, e);
      AgentEntity.flush();
    });
    return row.isPresent();
  }

  @Override
  @Transactional
  public void saveManaged(Agent agent) {
    if (!agent.managedByAdmin()) {
      throw new IllegalArgumentException("not an administrators' agent");
    }
    Optional<AgentEntity> row = AgentEntity.<AgentEntity>find(
            "slug = ?1 and creatorId is null", agent.slug().value())
        .firstResultOptional();
    AgentEntity e = row.orElseGet(() -> {
      AgentEntity fresh = new AgentEntity();
      fresh.id = agent.id();
      return fresh;
    });
    copy(agent, e);
    if (row.isEmpty()) {
      e.persist();
    }
  }

  @Override
  @Transactional
  public Optional<Agent> findReadable(Optional<UserId> viewer, AgentSlug slug) {
    return viewer
        .map(v -> AgentEntity.<AgentEntity>find(
            "slug = ?1 and (privacy in ('public', 'protected') or creatorId = ?2)",
            slug.value(),
            v.value()))
        .orElseGet(() ->
            AgentEntity.find("slug = ?1 and privacy in ('public', 'protected')", slug.value()))
        .firstResultOptional()
        .map(PgAgentRepository::toDomain);
  }

  @Override
  @Transactional
  public List<Agent> findListed(Optional<UserId> viewer) {
    String managed = "(creatorId is null and privacy = 'public' and hidden = false)";
    return viewer
        .map(v -> AgentEntity.<AgentEntity>find(
            managed + " or (creatorId = ?1 and hidden = false) order by createdAt, id", v.value()))
        .orElseGet(() -> AgentEntity.find(managed + " order by createdAt, id"))
        .stream()
        .map(PgAgentRepository::toDomain)
        .toList();
  }

  @Override
  @Transactional
  public boolean nameTaken(UserId creator, String name) {
    return AgentEntity.count(
            "lower(name) = ?1 and (privacy = 'public' or creatorId = ?2)",
            name.toLowerCase(Locale.ROOT),
            creator.value())
        > 0;
  }

  @Override
  @Transactional
  public boolean delete(UserId creator, AgentSlug slug) {
    return AgentEntity.delete("slug = ?1 and creatorId = ?2", slug.value(), creator.value()) > 0;
  }

  @Override
  @Transactional
  public Optional<Agent> findManaged(AgentSlug slug) {
    return AgentEntity.<AgentEntity>find("slug = ?1 and creatorId is null", slug.value())
        .firstResultOptional()
        .map(PgAgentRepository::toDomain);
  }

  @Override
  @Transactional
  public List<Agent> findAllManaged() {
    return AgentEntity.<AgentEntity>find("creatorId is null order by createdAt, id").stream()
        .map(PgAgentRepository::toDomain)
        .toList();
  }

  @Override
  @Transactional
  public boolean deleteManaged(AgentSlug slug) {
    return AgentEntity.delete("slug = ?1 and creatorId is null", slug.value()) > 0;
  }

  private static void copy(Agent agent, AgentEntity e) {
    e.slug = agent.slug().value();
    e.creatorId = agent.creator().map(UserId::value).orElse(null);
    e.name = agent.name();
    e.persona = agent.persona();
    e.privacy = agent.privacy().wireName();
    e.chatModel = agent.chatModel().orElse(null);
    e.inputTools = join(agent.inputTools(), AgentInputTool::wireName);
    e.outputModes = join(agent.outputModes(), AgentOutputMode::wireName);
    e.color = agent.color();
    e.icon = agent.icon();
    e.hidden = agent.hidden();
    e.createdAt = agent.createdAt();
    e.updatedAt = agent.updatedAt();
    e.knowledgeFiles = agent.files().toArray(String[]::new);
  }

  private static Agent toDomain(AgentEntity e) {
    return new Agent(
        e.id,
        AgentSlug.of(e.slug),
        Optional.ofNullable(e.creatorId).map(UserId::new),
        e.name,
        e.persona,
        AgentPrivacy.fromWire(e.privacy).orElse(AgentPrivacy.PRIVATE),
        Optional.ofNullable(e.chatModel),
        split(e.inputTools, AgentInputTool::fromWire),
        split(e.outputModes, AgentOutputMode::fromWire),
        e.color,
        e.icon,
        e.hidden,
        e.createdAt,
        e.updatedAt,
        e.knowledgeFiles == null ? List.of() : List.of(e.knowledgeFiles));
  }

  private static <T> String join(Collection<T> values, Function<T, String> wire) {
    return values.stream().map(wire).sorted().collect(Collectors.joining(","));
  }

  private static <T> Set<T> split(String stored, Function<String, Optional<T>> parse) {
    return Arrays.stream(stored.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(parse)
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
  }
}
