package io.khoj4j.adapter.connector.out.mail;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.feedback.FeedbackNotifier;
import io.khoj4j.domain.chat.Feedback;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails each verdict to the operator ({@code khoj.feedback.mail-to}, by default the administrator's address) as plain
 * text: the user, the sentiment, the question and the answer. Khoj mails its own team; a self-hosted server has no
 * such team, so without an address or an SMTP host the verdict is only stored.
 */
@ApplicationScoped
public class MailerFeedbackNotifier implements FeedbackNotifier {

  private final Mailer mailer;
  private final String from;
  private final Optional<String> to;
  private final boolean mock;

  public MailerFeedbackNotifier(
      Mailer mailer,
      @ConfigProperty(name = "khoj.mail.from", defaultValue = "khoj4j@localhost") String from,
      @ConfigProperty(name = "khoj.feedback.mail-to") Optional<String> to,
      @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "true") boolean mock) {
    this.mailer = mailer;
    this.from = from;
    this.to = to.map(String::strip).filter(s -> !s.isEmpty());
    this.mock = mock;
  }

  @Override
  public boolean available() {
    return !mock && to.isPresent();
  }

  @Override
  public void notify(Feedback feedback, String userEmail) {
    try {
      mailer.send(
          Mail.withText(to.orElseThrow(), subject(feedback, userEmail), body(feedback, userEmail))
              .setFrom(from));
    } catch (RuntimeException e) {
      throw new UpstreamFailureException("Could not send the feedback e-mail.", true, e);
    }
  }

  static String subject(Feedback feedback, String userEmail) {
    return "Feedback (" + feedback.sentiment().wireName() + ") from "
        + (userEmail.isBlank() ? "a user" : userEmail);
  }

  static String body(Feedback feedback, String userEmail) {
    return "User: " + userEmail + "\nSentiment: " + feedback.sentiment().wireName() + "\nAt: "
        + feedback.at() + "\n\nQuestion:\n" + feedback.question() + "\n\nAnswer:\n"
        + feedback.answer() + "\n";
  }
}
