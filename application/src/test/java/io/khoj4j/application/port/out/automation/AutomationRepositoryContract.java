package io.khoj4j.application.port.out.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.automation.Crontime;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AutomationRepository} must do: keep automations whole, and each owner's apart. */
public abstract class AutomationRepositoryContract {

  protected abstract AutomationRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract UserId newOwner();

  /** A conversation of {@code owner}'s for an automation to run in. */
  protected abstract UUID newConversation(UserId owner);

  private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

  private Automation automation(UserId owner, String subject, Instant createdAt) {
    return new Automation(
        UUID.randomUUID(),
        owner,
        subject,
        Automation.taskQuery("news on " + subject),
        "every morning, news on " + subject,
        Crontime.parse("0 9 * * 1-5"),
        ZoneId.of("Europe/Berlin"),
        newConversation(owner),
        createdAt);
  }

  @Test
  void whatIsStoredIsReadBackWhole() {
    UserId owner = newOwner();
    Automation stored = automation(owner, "rust", CREATED);
    unitOfWork().run(() -> repository().insert(stored));

    assertThat(repository().find(owner, stored.id())).contains(stored);
    assertThat(repository().count(owner)).isEqualTo(1);
  }

  @Test
  void thePlaceTheOwnerWasInIsStoredAndChanged() {
    UserId owner = newOwner();
    Automation plain = automation(owner, "weather", CREATED);
    Automation placed = new Automation(
        plain.id(),
        owner,
        plain.subject(),
        plain.queryToRun(),
        plain.schedulingRequest(),
        plain.crontime(),
        plain.zone(),
        plain.conversationId(),
        plain.createdAt(),
        new Automation.Place("Lindau", null, "Germany"));
    unitOfWork().run(() -> repository().insert(placed));
    assertThat(repository().find(owner, placed.id()))
        .get()
        .extracting(Automation::place)
        .isEqualTo(new Automation.Place("Lindau", null, "Germany"));

    unitOfWork().run(() -> repository().update(plain));
    assertThat(repository().find(owner, placed.id()))
        .get()
        .extracting(Automation::place)
        .isEqualTo(Automation.Place.UNKNOWN);
  }

  @Test
  void anOwnerListsOnlyTheirOwnOldestFirst() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    Automation later = automation(alice, "later", CREATED.plusSeconds(60));
    Automation earlier = automation(alice, "earlier", CREATED);
    Automation bobs = automation(bob, "bob", CREATED);
    unitOfWork().run(() -> {
      repository().insert(later);
      repository().insert(earlier);
      repository().insert(bobs);
    });

    assertThat(repository().list(alice)).containsExactly(earlier, later);
    assertThat(repository().find(alice, bobs.id())).isEmpty();
    assertThat(repository().count(bob)).isEqualTo(1);
  }

  @Test
  void onlyTheOwnerUpdatesOrDeletes() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    Automation stored = automation(alice, "rust", CREATED);
    unitOfWork().run(() -> repository().insert(stored));
    Automation changed = new Automation(
        stored.id(),
        stored.owner(),
        "go",
        Automation.taskQuery("news on go"),
        "news on go",
        Crontime.parse("30 7 * * *"),
        ZoneId.of("America/New_York"),
        stored.conversationId(),
        stored.createdAt());
    Automation hijacked = new Automation(
        stored.id(),
        bob,
        "mine",
        stored.queryToRun(),
        stored.schedulingRequest(),
        stored.crontime(),
        stored.zone(),
        stored.conversationId(),
        stored.createdAt());

    assertThat(unitOfWork().inTransaction(() -> repository().update(hijacked))).isFalse();
    assertThat(unitOfWork().inTransaction(() -> repository().delete(bob, stored.id())))
        .isFalse();
    assertThat(repository().find(alice, stored.id())).contains(stored);

    assertThat(unitOfWork().inTransaction(() -> repository().update(changed))).isTrue();
    assertThat(repository().find(alice, stored.id())).contains(changed);
    assertThat(unitOfWork().inTransaction(() -> repository().delete(alice, stored.id())))
        .isTrue();
    assertThat(repository().find(alice, stored.id())).isEmpty();
    assertThat(repository().count(alice)).isZero();
  }
}
