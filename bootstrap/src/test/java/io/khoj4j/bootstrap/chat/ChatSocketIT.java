package io.khoj4j.bootstrap.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.bootstrap.testing.ChatSocketFrames;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatSocketIT {

  private static FakeOpenAi openAi;
  private static TestUser admin;

  @BeforeEach
  void model() {
    if (openAi == null) {
      openAi = new FakeOpenAi().start();
      admin = TestUsers.createAdmin();
    }
    openAi.configureAsDefault(admin);
    openAi.script("Hi there, happy to help.", "Greeting");
  }

  @AfterAll
  static void stop() {
    if (openAi != null) {
      openAi.stop();
    }
  }

  private static void await(ChatSocketFrames frames, String fragment) throws InterruptedException {
    await(() -> frames.has(fragment));
  }

  /** Polls for up to 10 s; the assertions that follow say what was missing. */
  private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
  }

  private static boolean endsWithDelimiterAfter(ChatSocketFrames frames, String fragment) {
    List<String> seen = List.copyOf(frames.frames);
    return seen.size() >= 2
        && seen.getLast().equals(ChatSocketFrames.DELIMITER)
        && seen.get(seen.size() - 2).contains(fragment);
  }

  @Test
  void eventsArriveAsChatSocketFramesEachFollowedByADelimiterFrame() throws Exception {
    TestUser user = TestUsers.create();
    ChatSocketFrames frames = new ChatSocketFrames();
    WebSocket ws = frames.connect(user.token(), "http://localhost:42110");

    ws.sendText("{\"q\":\"/general hello\"}", true).join();
    // The end_response frame is followed by its own delimiter frame: wait for that one too, not
    // just the event.
    await(() -> endsWithDelimiterAfter(frames, "end_response"));

    assertThat(frames.frames.getFirst()).startsWith("{\"type\":\"metadata\"");
    for (int i = 0; i < frames.frames.size(); i++) {
      assertThat(frames.frames.get(i).equals(ChatSocketFrames.DELIMITER))
          .as("frame " + i)
          .isEqualTo(i % 2 == 1);
    }
    String text = String.join(
        "",
        frames.frames.stream()
            .filter(f -> !f.startsWith("{"))
            .filter(f -> !f.equals(ChatSocketFrames.DELIMITER))
            .toList());
    assertThat(text).isEqualTo("Hi there, happy to help.");
    assertThat(frames.frames.get(frames.frames.size() - 2))
        .isEqualTo("{\"type\":\"end_response\",\"data\":\"\"}");
    ws.abort();
  }

  @Test
  void badMessagesGetAnErrorFrameAndInterruptsAreAcknowledged() throws Exception {
    TestUser user = TestUsers.create();
    ChatSocketFrames frames = new ChatSocketFrames();
    WebSocket ws = frames.connect(user.token(), "http://127.0.0.1");

    ws.sendText("{\"n\": 3}", true).join();
    await(frames, "Missing required field 'q'");
    ws.sendText("not json", true).join();
    await(frames, "must be JSON");
    ws.sendText("{\"type\":\"interrupt\"}", true).join();
    await(frames, "interrupt_acknowledged");

    assertThat(frames.has("{\"error\":\"Missing required field 'q' in chat message\"}"))
        .isTrue();
    assertThat(frames.has("interrupt_acknowledged")).isTrue();
    ws.abort();
  }

  @Test
  void aForeignOriginIsClosedWithPolicyViolation() throws Exception {
    TestUser user = TestUsers.create();
    ChatSocketFrames frames = new ChatSocketFrames();

    frames.connect(user.token(), "https://evil.example.com");

    assertThat(frames.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
  }

  @Test
  void withoutCredentialsTheUpgradeIsRefused() {
    assertThatThrownBy(() -> new ChatSocketFrames().connect(null, "http://localhost"))
        .hasStackTraceContaining("Unexpected HTTP response status code 40");
    assertThatThrownBy(() -> new ChatSocketFrames().connect("kk-not-valid", "http://localhost"))
        .hasStackTraceContaining("Unexpected HTTP response status code 40");
  }

  @Test
  void thoughtsAreBatchedLikeTextAndComeBeforeTheAnswer() throws Exception {
    List<String> thoughts = java.util.stream.IntStream.range(0, 40)
        .mapToObj(i -> "step " + i + ". ")
        .toList();
    openAi.server.resetAll();
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .willReturn(FakeOpenAi.streamWithThoughts(thoughts, "Done ", "thinking.")));
    TestUser user = TestUsers.create();
    ChatSocketFrames frames = new ChatSocketFrames();
    WebSocket ws = frames.connect(user.token(), "http://localhost");

    ws.sendText("{\"q\":\"/general think\"}", true).join();
    await(() -> endsWithDelimiterAfter(frames, "end_response"));

    List<String> thoughtChatSocketFrames = frames.frames.stream()
        .filter(f -> f.startsWith("{\"type\":\"thought\""))
        .toList();
    assertThat(thoughtChatSocketFrames).hasSizeBetween(1, thoughts.size() / 4);
    assertThat(String.join(
            "",
            thoughtChatSocketFrames.stream()
                .map(f -> ChatApiIT.json(f).path("data").asText())
                .toList()))
        .isEqualTo(String.join("", thoughts));
    int lastThought = frames.frames.lastIndexOf(thoughtChatSocketFrames.getLast());
    assertThat(lastThought).isLessThan(frames.indexOf("start_llm_response"));
    assertThat(frames.frames.get(lastThought + 1)).isEqualTo(ChatSocketFrames.DELIMITER);
    assertThat(String.join("", frames.text())).isEqualTo("Done thinking.");
    ws.abort();
  }

  @Test
  void anInterruptStopsTheRunningTurnAndKeepsItsQuestionWithAnEmptyAnswer() throws Exception {
    openAi.server.resetAll();
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .willReturn(FakeOpenAi.stream(
                "one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ")
            .withChunkedDribbleDelay(30, 6000)));
    TestUser user = TestUsers.create();
    ChatSocketFrames frames = new ChatSocketFrames();
    WebSocket ws = frames.connect(user.token(), "http://localhost");

    ws.sendText("{\"q\":\"/general count slowly\"}", true).join();
    await(() -> !frames.text().isEmpty());
    // Khoj's web app stops with an empty query: a plain stop, no new instruction
    ws.sendText("{\"type\":\"interrupt\",\"query\":\"\"}", true).join();
    await(frames, "interrupt_acknowledged");
    int textAtAck = frames.text().size();
    Thread.sleep(2000);

    assertThat(textAtAck).as("text before the interrupt").isPositive();
    assertThat(frames.has("{\"type\":\"interrupt_acknowledged\"}")).isTrue();
    assertThat(frames.text()).as("no answer text after the interrupt").hasSize(textAtAck);
    assertThat(frames.has("end_llm_response")).isFalse();
    assertThat(frames.has("end_response")).isFalse();
    user.request()
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat.message", org.hamcrest.Matchers.contains("count slowly", ""))
        .body("response.chat[1].by", org.hamcrest.Matchers.equalTo("khoj"))
        .body(
            "response.chat[1].trainOfThought.data",
            org.hamcrest.Matchers.hasItem("**Generating a well-informed response**"));
    // with nothing running, an instruction has nothing to join: a plain acknowledgement, as in Khoj
    ws.sendText("{\"type\":\"interrupt\",\"query\":\"and in French?\"}", true).join();
    await(() -> frames.count("interrupt_acknowledged") == 2);
    int before = frames.text().size();
    ws.sendText("{\"q\":\"/general count slowly again\"}", true).join();
    await(() -> frames.text().size() > before);
    ws.sendText("{\"type\":\"interrupt\",\"query\":\"and in French?\"}", true).join();
    await(frames, "interrupt_message_acknowledged");
    ws.abort();
  }

  @Test
  void aNewMessageCancelsTheRunningTurn() throws Exception {
    openAi.server.resetAll();
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(5)
        .willReturn(FakeOpenAi.stream("one ", "two ", "three ", "four ", "five ", "six ")
            .withChunkedDribbleDelay(30, 6000)));
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(containing("quick question"))
        .willReturn(FakeOpenAi.stream("Quick ", "answer.")));
    TestUser user = TestUsers.create();
    ChatSocketFrames frames = new ChatSocketFrames();
    WebSocket ws = frames.connect(user.token(), "http://localhost");

    ws.sendText("{\"q\":\"/general slow question\",\"turn_id\":\"turn-slow\"}", true)
        .join();
    await(() -> !frames.text().isEmpty());
    ws.sendText("{\"q\":\"/general quick question\",\"turn_id\":\"turn-quick\"}", true)
        .join();
    await(() -> endsWithDelimiterAfter(frames, "end_response"));
    Thread.sleep(2000);

    assertThat(frames.has("\"turnId\":\"turn-slow\"")).isTrue();
    assertThat(frames.has("\"turnId\":\"turn-quick\"")).isTrue();
    assertThat(frames.count("end_response")).as("only the new turn ends").isEqualTo(1);
    assertThat(frames.count("end_llm_response")).isEqualTo(1);
    assertThat(String.join("", frames.text())).endsWith("Quick answer.").doesNotContain("six");
    user.request()
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body(
            "response.chat.message",
            org.hamcrest.Matchers.contains(
                "slow question", "quick question", "Quick answer.")); // carried on from
    user.request()
        .get("/api/chat/stats")
        .then()
        .body("num_conversations", org.hamcrest.Matchers.equalTo(1));
    ws.abort();
  }

  @Test
  void aHandshakeWithoutOriginIsClosedWithPolicyViolation() throws Exception {
    TestUser user = TestUsers.create();
    ChatSocketFrames frames = new ChatSocketFrames();

    frames.connect(user.token(), null);

    assertThat(frames.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    assertThat(frames.closeReason).isEqualTo("Origin not allowed");
  }

  @Test
  void aMessageCarryingAnImageLargerThanAFrameIsAccepted() throws Exception {
    byte[] pixels = new byte[600_000];
    new java.util.Random(7).nextBytes(pixels);
    String image = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(pixels);
    TestUser user = TestUsers.create();
    ChatSocketFrames frames = new ChatSocketFrames();
    WebSocket ws = frames.connect(user.token(), "http://localhost");

    ws.sendText(
        "{\"q\":\"/general what is in this picture?\",\"images\":[\"" + image + "\"]}", true);
    await(() -> endsWithDelimiterAfter(frames, "end_response") || frames.closed.isDone());

    assertThat(frames.closed.isDone()).as("closed with " + frames.closeReason).isFalse();
    assertThat(String.join("", frames.text())).isEqualTo("Hi there, happy to help.");
    user.request()
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat[0].images[0]", org.hamcrest.Matchers.equalTo(image));
    ws.abort();
  }
}
