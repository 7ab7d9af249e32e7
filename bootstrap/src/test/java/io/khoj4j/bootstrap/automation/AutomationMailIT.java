package io.khoj4j.bootstrap.automation;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An automation's answer reaches a real SMTP server (GreenMail on a loopback port) as text and safe HTML. */
@QuarkusTest
@TestProfile(AutomationMailIT.WithSmtp.class)
class AutomationMailIT {

  static final int SMTP_PORT = freePort();
  private static GreenMail smtp;
  private static FakeOpenAi openAi;

  public static class WithSmtp implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.mailer.mock", "false",
          "quarkus.mailer.host", "127.0.0.1",
          "quarkus.mailer.port", Integer.toString(SMTP_PORT),
          "quarkus.mailer.tls", "false",
          "quarkus.mailer.start-tls", "DISABLED",
          "khoj.mail.from", "automations@khoj4j.test");
    }
  }

  @BeforeAll
  static void startSmtp() {
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    openAi = new FakeOpenAi().start();
  }

  @AfterAll
  static void stop() {
    smtp.stop();
    openAi.stop();
  }

  @Test
  void aRunMailsTheAnswerToTheOwnerWithTheSubjectAsTitle() throws Exception {
    openAi.configureAsDefault(TestUsers.createAdmin());
    openAi.script("**Rust 1.90** shipped. <script>alert(1)</script>", "Rust news", "rust release");
    // The owner's model judges the answer worth a mail (the real reply reader reads its fenced
    // JSON).
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("deserves an e-mail"))
        .willReturn(
            FakeOpenAi.stream("```json\n{\"notify\": \"yes\", \"reason\": \"it shipped\"}\n```")));
    TestUser alice = TestUsers.create();
    String id = alice
        .request()
        .queryParam("q", "news on rust")
        .queryParam("crontime", "0 9 * * *")
        .queryParam("subject", "Rust digest")
        .queryParam("timezone", "Europe/Berlin")
        .post("/api/automation")
        .then()
        .statusCode(200)
        .extract()
        .path("id");

    alice
        .request()
        .queryParam("automation_id", id)
        .post("/api/automation/trigger")
        .then()
        .statusCode(200);

    assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(60).toMillis(), 1)).isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("Rust digest");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(alice.email());
    assertThat(mail.getFrom()[0].toString()).isEqualTo("automations@khoj4j.test");
    String body = GreenMailUtil.getBody(mail);
    String text = body.substring(0, body.indexOf("Content-Type: text/html"));
    String html = body.substring(body.indexOf("Content-Type: text/html"));
    assertThat(text).contains("**Rust 1.90** shipped.");
    // The HTML part shows what the model wrote; nothing in it runs in a mail reader.
    assertThat(html)
        .contains("<strong>Rust 1.90</strong>", "&lt;script&gt;")
        .doesNotContain("<script>");
    openAi.server.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withRequestBody(containing("deserves an e-mail")));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
