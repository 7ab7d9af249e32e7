package io.khoj4j.adapter.connector.out.mail;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.auth.LoginLinkSender;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails magic-link logins through Quarkus Mailer (SMTP, configured by {@code quarkus.mailer.*}). With
 * {@code quarkus.mailer.mock=true}, the default until an SMTP host is configured, mails are logged instead of
 * sent, so an operator without a mail server can still read the link from the log.
 */
@ApplicationScoped
public class MailerLoginLinkSender implements LoginLinkSender {

  private final Mailer mailer;
  private final String from;

  public MailerLoginLinkSender(
      Mailer mailer,
      @ConfigProperty(name = "khoj.mail.from", defaultValue = "khoj4j@localhost") String from) {
    this.mailer = mailer;
    this.from = from;
  }

  @Override
  public void send(String email, URI link, String code) {
    String text = """
        Your khoj4j login code is %s.

        Open this link to sign in (it works once, for five minutes):
        %s

        If you did not ask to sign in, ignore this message.
        """.formatted(code, link);
    String html = """
        <p>Your khoj4j login code is <strong>%s</strong>.</p>
        <p><a href="%s">Sign in to khoj4j</a> (the link works once, for five minutes).</p>
        <p>If you did not ask to sign in, ignore this message.</p>
        """.formatted(code, link);
    try {
      mailer.send(
          Mail.withText(email, "Your login code for khoj4j", text).setHtml(html).setFrom(from));
    } catch (RuntimeException e) {
      throw new UpstreamFailureException(
          "Could not send the login e-mail. Try again later.", true, e);
    }
  }
}
