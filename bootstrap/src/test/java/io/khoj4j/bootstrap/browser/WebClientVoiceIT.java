package io.khoj4j.bootstrap.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.khoj4j.bootstrap.testing.Browsers;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.SpeechVendorProfile;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Voice in the chat page, in headless Chromium (a fake microphone playing a test tone) against the real server, whose
 * speech-to-text and text-to-speech go to an OpenAI-compatible stand-in (WireMock on a loopback port): a recording
 * becomes the message box's text, and an answer is read aloud from the audio the server returns.
 */
@QuarkusTest
@TestProfile(SpeechVendorProfile.class)
@Tag("browser")
class WebClientVoiceIT {

  static final int PORT = SpeechVendorProfile.PORT;
  private static WireMockServer vendor;
  private static FakeOpenAi openAi;

  @TestHTTPResource("/")
  URL base;

  @BeforeAll
  static void start() {
    vendor = new WireMockServer(options().port(PORT).bindAddress("127.0.0.1"));
    vendor.start();
    vendor.stubFor(post("/v1/audio/transcriptions")
        .willReturn(okJson("{\"text\":\"Remind me to buy tea.\"}")));
    vendor.stubFor(post("/v1/audio/speech")
        .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(silence(3))));
    openAi = new FakeOpenAi().start();
  }

  @AfterAll
  static void stop() {
    vendor.stop();
    openAi.stop();
  }

  @Test
  void whatIsSaidBecomesTheMessageAndTheAnswerIsReadAloud() {
    openAi.configureAsDefault(TestUsers.createAdmin());
    openAi.script("Buy sencha at the market on Saturday.", "Tea errand");
    TestUser user = TestUsers.create();
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      List<String> asked = new CopyOnWriteArrayList<>();
      page.onRequest(request -> asked.add(request.url()));
      page.navigate("/chat");
      button(page, "Speak").click();
      Locator recording = button(page, "Stop and write");
      assertThat(recording).hasAttribute("aria-pressed", "true");
      recording.click();
      assertThat(page.getByLabel("Message")).hasValue("Remind me to buy tea.");
      vendor.verify(postRequestedFor(urlEqualTo("/v1/audio/transcriptions"))
          .withRequestBody(containing("recording.webm")));

      page.getByLabel("Message").press("Enter");
      Locator answer = page.locator(".msg.khoj").last();
      assertThat(answer).hasAttribute("data-state", "done");
      answer
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Read aloud"))
          .click();
      // playing: the button stops the reading
      assertThat(answer.locator("button", new Locator.LocatorOptions().setHasText("Stop reading")))
          .isVisible();
      vendor.verify(postRequestedFor(urlEqualTo("/v1/audio/speech"))
          .withRequestBody(containing("Buy sencha at the market on Saturday.")));
      assertThat(page.locator("#status")).not().hasAttribute("data-kind", "error");
      // the page's shell said that answers can be read aloud: no read of the settings for it
      org.assertj.core.api.Assertions.assertThat(asked)
          .noneMatch(url -> url.contains("/api/settings"));
    }
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  /** A WAV file of {@code seconds} of silence (8 kHz, 16-bit mono): audio any browser plays. */
  private static byte[] silence(int seconds) {
    int samples = 8000 * seconds;
    ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
    wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    wav.putInt(8000).putInt(8000 * 2).putShort((short) 2).putShort((short) 16);
    wav.put("data".getBytes()).putInt(samples * 2);
    return wav.array();
  }
}
