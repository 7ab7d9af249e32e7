package io.khoj4j.adapter.connector.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.domain.chat.Feedback;
import io.khoj4j.domain.user.UserId;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailerFeedbackNotifierTest {

  private final List<Mail> sent = new ArrayList<>();
  private final Mailer mailer = mails -> sent.addAll(List.of(mails));
  private final Feedback verdict = new Feedback(
      UUID.randomUUID(),
      new UserId(UUID.randomUUID()),
      "turn:1",
      Feedback.Sentiment.NEGATIVE,
      "why is the sky blue?",
      "Because it is.",
      Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void theOperatorGetsTheVerdictTheQuestionAndTheAnswer() {
    var notifier = new MailerFeedbackNotifier(
        mailer, "khoj@example.org", Optional.of("ops@example.org"), false);

    assertThat(notifier.available()).isTrue();
    notifier.notify(verdict, "alice@example.org");

    assertThat(sent).singleElement().satisfies(m -> {
      assertThat(m.getTo()).containsExactly("ops@example.org");
      assertThat(m.getFrom()).isEqualTo("khoj@example.org");
      assertThat(m.getSubject()).isEqualTo("Feedback (negative) from alice@example.org");
      assertThat(m.getText())
          .contains("why is the sky blue?", "Because it is.", "Sentiment: negative");
    });
  }

  @Test
  void withoutAnAddressOrSmtpNothingIsSent() {
    assertThat(new MailerFeedbackNotifier(mailer, "k@x", Optional.empty(), false).available())
        .isFalse();
    assertThat(new MailerFeedbackNotifier(mailer, "k@x", Optional.of("  "), false).available())
        .isFalse();
    assertThat(new MailerFeedbackNotifier(mailer, "k@x", Optional.of("ops@x"), true).available())
        .isFalse();
  }

  @Test
  void aRefusingMailServerIsAnUpstreamFailure() {
    Mailer refusing = mails -> {
      throw new IllegalStateException("550 relay denied");
    };

    assertThatThrownBy(
            () -> new MailerFeedbackNotifier(refusing, "k@x", Optional.of("ops@x"), false)
                .notify(verdict, "a@x"))
        .isInstanceOf(UpstreamFailureException.class);
  }
}
