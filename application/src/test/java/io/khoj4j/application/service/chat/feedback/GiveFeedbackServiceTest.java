package io.khoj4j.application.service.chat.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.chat.GiveFeedbackCommand;
import io.khoj4j.application.port.out.feedback.FeedbackNotifier;
import io.khoj4j.application.port.out.feedback.InMemoryFeedbackRepository;
import io.khoj4j.application.port.out.feedback.RecordingFeedbackNotifier;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.domain.chat.Feedback;
import io.khoj4j.domain.chat.Feedback.Sentiment;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GiveFeedbackServiceTest {

  private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
  private final RecordingFeedbackNotifier notifier = new RecordingFeedbackNotifier();
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final UserId alice = users
      .insertIfAbsent(new User(
          new UserId(UUID.randomUUID()),
          "alice",
          "alice@example.org",
          "",
          "",
          true,
          false,
          Instant.parse("2026-01-01T00:00:00Z")))
      .id();

  private GiveFeedbackService service(FeedbackNotifier n) {
    return new GiveFeedbackService(
        repository,
        n,
        users,
        new DirectUnitOfWork(),
        new SequentialIdGenerator(),
        MutableClock.at("2026-03-01T10:00:00Z"));
  }

  private static GiveFeedbackCommand verdict(UserId user, Sentiment s, Optional<String> turn) {
    return new GiveFeedbackCommand(user, "why is the sky blue?", "Rayleigh scattering.", s, turn);
  }

  @Test
  void theVerdictIsStoredAndMailedWithTheUsersAddress() {
    service(notifier).give(verdict(alice, Sentiment.POSITIVE, Optional.empty()));

    assertThat(repository.list(alice)).singleElement().satisfies(f -> {
      assertThat(f.sentiment()).isEqualTo(Sentiment.POSITIVE);
      assertThat(f.question()).isEqualTo("why is the sky blue?");
      assertThat(f.answer()).isEqualTo("Rayleigh scattering.");
    });
    assertThat(notifier.sent)
        .singleElement()
        .extracting(RecordingFeedbackNotifier.Sent::userEmail)
        .isEqualTo("alice@example.org");
  }

  @Test
  void aChangedMindOnTheSameAnswerReplacesTheVerdict() {
    service(notifier).give(verdict(alice, Sentiment.POSITIVE, Optional.empty()));
    service(notifier).give(verdict(alice, Sentiment.NEGATIVE, Optional.empty()));
    service(notifier)
        .give(new GiveFeedbackCommand(
            alice, "another", "answer", Sentiment.POSITIVE, Optional.empty()));

    assertThat(repository.list(alice))
        .extracting(Feedback::sentiment)
        .containsExactlyInAnyOrder(Sentiment.NEGATIVE, Sentiment.POSITIVE);
  }

  @Test
  void aNamedTurnIsTheKey() {
    service(notifier).give(verdict(alice, Sentiment.POSITIVE, Optional.of("turn-1")));
    service(notifier).give(verdict(alice, Sentiment.POSITIVE, Optional.of("turn-2")));

    assertThat(repository.list(alice))
        .extracting(Feedback::turnKey)
        .containsExactlyInAnyOrder("turn:turn-1", "turn:turn-2");
  }

  @Test
  void aFailingMailServerKeepsTheStoredVerdict() {
    notifier.failing = true;

    service(notifier).give(verdict(alice, Sentiment.NEGATIVE, Optional.empty()));

    assertThat(repository.list(alice)).hasSize(1);
  }

  @Test
  void withoutMailTheVerdictIsOnlyStored() {
    service(FeedbackNotifier.NONE).give(verdict(alice, Sentiment.NEGATIVE, Optional.empty()));

    assertThat(repository.list(alice)).hasSize(1);
    assertThat(notifier.sent).isEmpty();
  }

  @Test
  void missingOrOverlongTextsAreInvalid() {
    assertThatThrownBy(
            () -> new GiveFeedbackCommand(alice, null, "a", Sentiment.POSITIVE, Optional.empty()))
        .isInstanceOf(InvalidInputException.class);
    String huge = "x".repeat(GiveFeedbackCommand.MAX_TEXT + 1);
    assertThatThrownBy(
            () -> new GiveFeedbackCommand(alice, "q", huge, Sentiment.POSITIVE, Optional.empty()))
        .isInstanceOf(InvalidInputException.class);
  }
}
