package io.khoj4j.adapter.connector.out.mail;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.automation.AutomationMailer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails automation results through Quarkus Mailer. The answer is the model's Markdown: it goes out as the plain-text
 * part unchanged and as HTML rendered by commonmark with raw HTML escaped and unsafe link schemes
 * ({@code javascript:} …) dropped, so nothing a model or a note wrote can run in a mail reader. Without an SMTP host
 * ({@code quarkus.mailer.mock=true}, the default) nothing is sent and the result stays in the conversation only.
 */
@ApplicationScoped
public class MailerAutomationMailer implements AutomationMailer {

  private static final Parser MARKDOWN = Parser.builder().build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private static final long[] RETRY_DELAYS_MILLIS = {1_000, 3_000};

  private final Mailer mailer;
  private final String from;
  private final boolean mock;

  public MailerAutomationMailer(
      Mailer mailer,
      @ConfigProperty(name = "khoj.mail.from", defaultValue = "khoj4j@localhost") String from,
      @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "true") boolean mock) {
    this.mailer = mailer;
    this.from = from;
    this.mock = mock;
  }

  @Override
  public boolean available() {
    return !mock;
  }

  /**
   * Sends the mail, trying again twice (after 1 s, then 3 s) when the SMTP server cannot be reached or answers late: a
   * run happens once, so a passing fault would otherwise lose its mail. A server that took the mail but answered too
   * late may then deliver it twice, the lesser evil for a notification.
   */
  @Override
  public void send(String email, String subject, String markdownAnswer) {
    Mail mail = Mail.withText(email, subject, markdownAnswer)
        .setHtml(html(markdownAnswer))
        .setFrom(from);
    RuntimeException last = null;
    for (int attempt = 0; attempt < RETRY_DELAYS_MILLIS.length + 1; attempt++) {
      if (attempt > 0 && !pause(RETRY_DELAYS_MILLIS[attempt - 1])) {
        break;
      }
      try {
        mailer.send(mail);
        return;
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw new UpstreamFailureException(
        "Could not send the automation's e-mail: " + rootMessage(last), true, last);
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root != null && root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == null
        ? "interrupted"
        : root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  static String html(String markdown) {
    return "<!doctype html><html><body>" + HTML.render(MARKDOWN.parse(markdown)) + "</body></html>";
  }
}
