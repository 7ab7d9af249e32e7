package io.khoj4j.application.port.out.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AgentRepository} must do; owners are created by {@link #newOwner()}. */
public abstract class AgentRepositoryContract {

  protected abstract AgentRepository repository();

  protected abstract UnitOfWork unitOfWork();

  /** A user that exists in the store (the real adapter has a foreign key). */
  protected abstract UserId newOwner();

  private UserId alice;
  private UserId bob;
  private Instant t0;

  @BeforeEach
  void owners() {
    alice = newOwner();
    bob = newOwner();
    t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private Agent agent(
      Optional<UserId> creator, String name, AgentPrivacy privacy, Instant created) {
    UUID id = UUID.randomUUID();
    return new Agent(
        id,
        AgentSlug.derive(name + "-" + id, id),
        creator,
        name,
        "Be brief.",
        privacy,
        Optional.empty(),
        Set.of(AgentInputTool.NOTES, AgentInputTool.ONLINE),
        Set.of(AgentOutputMode.IMAGE),
        "blue",
        "Robot",
        false,
        created,
        created);
  }

  private Agent insert(Agent agent) {
    unitOfWork().run(() -> repository().insert(agent));
    return agent;
  }

  @Test
  void anAgentIsReadBackWithEverythingItWasGiven() {
    Agent agent = insert(agent(Optional.of(alice), "Tutor", AgentPrivacy.PRIVATE, t0));

    assertThat(repository().findReadable(Optional.of(alice), agent.slug())).contains(agent);
    assertThat(repository()
            .findReadable(Optional.of(alice), AgentSlug.of(agent.slug().value().toUpperCase())))
        .contains(agent);
  }

  @Test
  void aPrivateAgentIsReadableOnlyByItsCreator() {
    Agent agent = insert(agent(Optional.of(alice), "Secret", AgentPrivacy.PRIVATE, t0));

    assertThat(repository().findReadable(Optional.of(bob), agent.slug())).isEmpty();
    assertThat(repository().findReadable(Optional.empty(), agent.slug())).isEmpty();
  }

  @Test
  void protectedAndPublicAgentsAreReadableByAnyoneWithTheSlug() {
    Agent prot = insert(agent(Optional.of(alice), "Link only", AgentPrivacy.PROTECTED, t0));
    Agent pub = insert(agent(Optional.of(alice), "Open", AgentPrivacy.PUBLIC, t0));

    assertThat(repository().findReadable(Optional.of(bob), prot.slug())).contains(prot);
    assertThat(repository().findReadable(Optional.of(bob), pub.slug())).contains(pub);
  }

  @Test
  void listingShowsTheCallersOwnAndTheAdministratorsPublicAgentsOldestFirst() {
    Agent managed = agent(Optional.empty(), "Shared", AgentPrivacy.PUBLIC, t0);
    unitOfWork().run(() -> repository().saveManaged(managed));
    Agent alicesPrivate =
        insert(agent(Optional.of(alice), "Mine", AgentPrivacy.PRIVATE, t0.plusSeconds(2)));
    Agent alicesPublic =
        insert(agent(Optional.of(alice), "Open", AgentPrivacy.PUBLIC, t0.plusSeconds(1)));
    Agent bobs = insert(agent(Optional.of(bob), "Bob's", AgentPrivacy.PUBLIC, t0));

    assertThat(repository().findListed(Optional.of(alice)))
        .containsSubsequence(managed, alicesPublic, alicesPrivate)
        .doesNotContain(bobs);
    assertThat(repository().findListed(Optional.of(bob)))
        .contains(managed, bobs)
        .doesNotContain(alicesPrivate, alicesPublic);
    assertThat(repository().findListed(Optional.empty()))
        .contains(managed)
        .doesNotContain(alicesPrivate, alicesPublic, bobs);
  }

  @Test
  void hiddenAgentsAreNotListed() {
    Agent visible = agent(Optional.of(alice), "Hidden", AgentPrivacy.PRIVATE, t0);
    Agent hidden = new Agent(
        visible.id(),
        visible.slug(),
        visible.creator(),
        visible.name(),
        visible.persona(),
        visible.privacy(),
        visible.chatModel(),
        visible.inputTools(),
        visible.outputModes(),
        visible.color(),
        visible.icon(),
        true,
        visible.createdAt(),
        visible.updatedAt());
    insert(hidden);

    assertThat(repository().findListed(Optional.of(alice))).doesNotContain(hidden);
    assertThat(repository().findReadable(Optional.of(alice), hidden.slug())).contains(hidden);
  }

  @Test
  void onlyTheCreatorUpdatesAnAgent() {
    Agent agent = insert(agent(Optional.of(alice), "Tutor", AgentPrivacy.PUBLIC, t0));
    Agent renamed = new Agent(
        agent.id(),
        agent.slug(),
        agent.creator(),
        "Math tutor",
        "Explain.",
        AgentPrivacy.PROTECTED,
        Optional.of("gpt"),
        Set.of(),
        Set.of(),
        "red",
        "Student",
        false,
        agent.createdAt(),
        t0.plusSeconds(5));

    assertThat(unitOfWork().inTransaction(() -> repository().update(bob, renamed)))
        .isFalse();
    assertThat(repository().findReadable(Optional.of(alice), agent.slug())).contains(agent);

    assertThat(unitOfWork().inTransaction(() -> repository().update(alice, renamed)))
        .isTrue();
    assertThat(repository().findReadable(Optional.of(alice), agent.slug())).contains(renamed);
  }

  @Test
  void onlyTheCreatorDeletesAnAgent() {
    Agent agent = insert(agent(Optional.of(alice), "Tutor", AgentPrivacy.PUBLIC, t0));

    assertThat(unitOfWork().inTransaction(() -> repository().delete(bob, agent.slug())))
        .isFalse();
    assertThat(repository().findReadable(Optional.of(bob), agent.slug())).contains(agent);
    assertThat(unitOfWork().inTransaction(() -> repository().delete(alice, agent.slug())))
        .isTrue();
    assertThat(repository().findReadable(Optional.of(alice), agent.slug())).isEmpty();
  }

  @Test
  void aNameIsTakenByAPublicAgentOrByOneOfTheCreatorsOwn() {
    String shared = "Shared " + UUID.randomUUID();
    String own = "Own " + UUID.randomUUID();
    insert(agent(Optional.of(bob), shared, AgentPrivacy.PUBLIC, t0));
    insert(agent(Optional.of(bob), own, AgentPrivacy.PRIVATE, t0));

    assertThat(repository().nameTaken(alice, shared.toUpperCase())).isTrue();
    assertThat(repository().nameTaken(alice, own)).isFalse();
    assertThat(repository().nameTaken(bob, own)).isTrue();
  }

  @Test
  void savingAManagedAgentAgainReplacesIt() {
    Agent managed = agent(Optional.empty(), "Shared", AgentPrivacy.PUBLIC, t0);
    unitOfWork().run(() -> repository().saveManaged(managed));
    Agent changed = new Agent(
        managed.id(),
        managed.slug(),
        Optional.empty(),
        "Shared helper",
        "New persona",
        AgentPrivacy.PUBLIC,
        Optional.empty(),
        Set.of(),
        Set.of(),
        "teal",
        "Atom",
        false,
        managed.createdAt(),
        t0.plusSeconds(1));
    unitOfWork().run(() -> repository().saveManaged(changed));

    assertThat(repository().findReadable(Optional.empty(), managed.slug())).contains(changed);
  }

  @Test
  void administratorsAgentsAreFoundListedAndDeletedByTheirOwnMethodsOnly() {
    Agent shared = agent(Optional.empty(), "Shared tutor", AgentPrivacy.PRIVATE, t0);
    unitOfWork().run(() -> repository().saveManaged(shared));
    Agent own =
        insert(agent(Optional.of(alice), "Own tutor", AgentPrivacy.PUBLIC, t0.plusMillis(1)));

    assertThat(repository().findManaged(shared.slug())).contains(shared);
    assertThat(repository().findManaged(own.slug()))
        .as("a user's agent is not the administrators'")
        .isEmpty();
    assertThat(repository().findAllManaged()).contains(shared).doesNotContain(own);
    assertThat(unitOfWork().inTransaction(() -> repository().deleteManaged(own.slug())))
        .isFalse();
    assertThat(unitOfWork().inTransaction(() -> repository().delete(alice, shared.slug())))
        .as("no user deletes an administrators' agent")
        .isFalse();
    assertThat(unitOfWork().inTransaction(() -> repository().deleteManaged(shared.slug())))
        .isTrue();
    assertThat(repository().findManaged(shared.slug())).isEmpty();
    assertThat(repository().findReadable(Optional.of(alice), own.slug())).contains(own);
  }
}
