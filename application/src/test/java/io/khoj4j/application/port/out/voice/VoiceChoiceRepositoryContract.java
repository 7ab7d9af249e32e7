package io.khoj4j.application.port.out.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link VoiceChoiceRepository} must do: one choice per user, replaced by the next, each user's apart. */
public abstract class VoiceChoiceRepositoryContract {

  protected abstract VoiceChoiceRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract UserId newOwner();

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aChoiceIsReplacedByTheNextAndOthersKeepTheirs() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    assertThat(repository().find(alice)).isEmpty();

    unitOfWork().run(() -> repository().save(alice, "nova", AT));
    unitOfWork().run(() -> repository().save(bob, "onyx", AT));
    unitOfWork().run(() -> repository().save(alice, "alloy", AT.plusSeconds(1)));

    assertThat(repository().find(alice)).contains("alloy");
    assertThat(repository().find(bob)).contains("onyx");
  }
}
