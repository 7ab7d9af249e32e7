package io.khoj4j.adapter.connector.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.UpstreamFailureException;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailerAutomationMailerTest {

  /** A mailer whose first {@code failures} sends fail as an unreachable SMTP server does. */
  private static final class FlakyMailer implements Mailer {
    final List<Mail> sent = new ArrayList<>();
    int failures;
    int attempts;

    FlakyMailer(int failures) {
      this.failures = failures;
    }

    @Override
    public void send(Mail... mails) {
      attempts++;
      if (failures-- > 0) {
        throw new IllegalStateException(
            "connection refused", new java.net.ConnectException("refused"));
      }
      sent.addAll(List.of(mails));
    }
  }

  @Test
  void aPassingSmtpFaultIsTriedAgainAndTheMailGoesOnce() {
    FlakyMailer smtp = new FlakyMailer(2);

    new MailerAutomationMailer(smtp, "k@example.org", false)
        .send("a@example.org", "News", "**hi**");

    assertThat(smtp.attempts).isEqualTo(3);
    assertThat(smtp.sent).singleElement().satisfies(mail -> {
      assertThat(mail.getTo()).containsExactly("a@example.org");
      assertThat(mail.getSubject()).isEqualTo("News");
    });
  }

  @Test
  void anSmtpServerThatStaysDownIsAnUpstreamFailureNamingTheCause() {
    FlakyMailer smtp = new FlakyMailer(5);

    assertThatThrownBy(() -> new MailerAutomationMailer(smtp, "k@example.org", false)
            .send("a@example.org", "News", "hi"))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("ConnectException: refused");
    assertThat(smtp.attempts).isEqualTo(3);
    assertThat(smtp.sent).isEmpty();
  }

  @Test
  void markdownBecomesHtml() {
    String html = MailerAutomationMailer.html(
        "# News\n\n- **one**\n- [two](https://example.org/two)\n\n`code`");

    assertThat(html)
        .contains(
            "<h1>News</h1>",
            "<strong>one</strong>",
            "href=\"https://example.org/two\">two</a>",
            "<code>code</code>");
  }

  @Test
  void htmlFromTheModelOrANoteIsShownNotRun() {
    String html = MailerAutomationMailer.html(
        "Hello <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[click](javascript:alert(3))");

    assertThat(html).doesNotContain("<script", "<img", "javascript:");
    assertThat(html)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
  }
}
