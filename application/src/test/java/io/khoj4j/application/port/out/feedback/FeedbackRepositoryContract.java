package io.khoj4j.application.port.out.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.Feedback;
import io.khoj4j.domain.chat.Feedback.Sentiment;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link FeedbackRepository} must do: one verdict per owner and turn, each owner's apart. */
public abstract class FeedbackRepositoryContract {

  protected abstract FeedbackRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract UserId newOwner();

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  private void save(Feedback f) {
    unitOfWork().run(() -> repository().save(f));
  }

  @Test
  void aVerdictIsReadBackWhole() {
    UserId owner = newOwner();
    Feedback f = new Feedback(
        UUID.randomUUID(),
        owner,
        "turn:t1",
        Sentiment.POSITIVE,
        "why is the sky blue?",
        "Rayleigh scattering.",
        AT);
    save(f);

    assertThat(repository().list(owner)).containsExactly(f);
  }

  @Test
  void aSecondVerdictOnTheSameTurnReplacesTheFirst() {
    UserId owner = newOwner();
    Feedback first =
        new Feedback(UUID.randomUUID(), owner, "turn:t1", Sentiment.POSITIVE, "q", "a", AT);
    save(first);
    save(new Feedback(
        UUID.randomUUID(), owner, "turn:t1", Sentiment.NEGATIVE, "q", "a", AT.plusSeconds(5)));
    save(new Feedback(
        UUID.randomUUID(), owner, "turn:t2", Sentiment.POSITIVE, "q2", "a2", AT.plusSeconds(1)));

    assertThat(repository().list(owner))
        .extracting(Feedback::turnKey, Feedback::sentiment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("turn:t1", Sentiment.NEGATIVE),
            org.assertj.core.groups.Tuple.tuple("turn:t2", Sentiment.POSITIVE));
    assertThat(repository().list(owner).getFirst().id()).isEqualTo(first.id());
  }

  @Test
  void ownersAreApartEvenForTheSameTurnKey() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    save(new Feedback(UUID.randomUUID(), alice, "text:same", Sentiment.POSITIVE, "q", "a", AT));
    save(new Feedback(UUID.randomUUID(), bob, "text:same", Sentiment.NEGATIVE, "q", "a", AT));

    assertThat(repository().list(alice))
        .singleElement()
        .extracting(Feedback::sentiment)
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(repository().list(bob))
        .singleElement()
        .extracting(Feedback::sentiment)
        .isEqualTo(Sentiment.NEGATIVE);
  }
}
