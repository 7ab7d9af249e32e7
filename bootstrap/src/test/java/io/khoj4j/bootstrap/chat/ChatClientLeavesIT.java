package io.khoj4j.bootstrap.chat;

import static io.khoj4j.bootstrap.testing.SilentModelServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.bootstrap.testing.ChatSocketFrames;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.SilentModelServer;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 2: a client that leaves {@code POST /api/chat} (streamed or not) or the chat socket in the middle of
 * a turn cancels the whole turn: the model call in flight is aborted and its connection closed, no further model call
 * is made, and nothing is stored. The model server here never answers; it only counts the requests it got and the
 * connections still open to it.
 */
@QuarkusTest
@Tag("faults")
class ChatClientLeavesIT {

  /** Time given to a turn that wrongly carried on, to make its next model call; the test passes without it. */
  private static final long GRACE_MILLIS = 1500;

  @AfterEach
  void noModelLeftPointingAtAClosedServer() {
    FakeOpenAi.removeAllModels(TestUsers.createAdmin());
  }

  /** Sends the chat request over a bare socket, waits for the turn's first model call, then hangs up. */
  private static void askAndLeave(TestUser user, String body, SilentModelServer model)
      throws Exception {
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
      OutputStream out = client.getOutputStream();
      out.write(("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + user.token() + "\r\nContent-Type: application/json\r\nContent-Length: "
              + json.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(json);
      out.flush();
      await(() -> model.requests.get() == 1);
      assertThat(model.requests).as("the turn reached the model").hasValue(1);
      assertThat(model.openConnections).as("the model call is in flight").hasValue(1);
    }
  }

  /**
   * The turn stopped: no model connection left open, no further model call, and the question stored with an empty
   * answer (an interrupted turn, which the next one carries on from).
   */
  private static void assertTurnCancelled(TestUser user, SilentModelServer model, String question)
      throws Exception {
    await(() -> model.openConnections.get() == 0);
    assertThat(model.openConnections)
        .as("connections to the model left open after the client left")
        .hasValue(0);
    Thread.sleep(GRACE_MILLIS);
    assertThat(model.requests).as("model calls after the client left").hasValue(1);
    assertThat(model.openConnections).hasValue(0);
    user.request()
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat.message", Matchers.contains(question, ""))
        .body("response.chat.by", Matchers.contains("you", "khoj"));
  }

  private static SilentModelServer silentModel(SilentModelServer.Silence silence) throws Exception {
    SilentModelServer model = new SilentModelServer(silence);
    FakeOpenAi.configureAsDefault(TestUsers.createAdmin(), model.baseUrl());
    return model;
  }

  @Test
  void aNonStreamedTurnStopsWhileTheModelChoosesSources() throws Exception {
    try (SilentModelServer model = silentModel(SilentModelServer.Silence.BEFORE_HEADERS)) {
      TestUser user = TestUsers.create();
      Multipart notes =
          Multipart.files().add("/notes/tea.md", "text/markdown", "# Tea\nI drink green tea.\n");
      user.request()
          .contentType(notes.contentType())
          .body(notes.body())
          .patch("/api/content")
          .then()
          .statusCode(200);

      askAndLeave(user, "{\"q\":\"what do I drink\"}", model);

      assertTurnCancelled(user, model, "what do I drink");
    }
  }

  @Test
  void aNonStreamedTurnStopsWhileTheModelAnswers() throws Exception {
    try (SilentModelServer model = silentModel(SilentModelServer.Silence.AFTER_HEADERS)) {
      TestUser user = TestUsers.create();

      askAndLeave(user, "{\"q\":\"/general hello\"}", model);

      assertTurnCancelled(user, model, "hello");
    }
  }

  @Test
  void aStreamedTurnStopsWhileTheModelAnswers() throws Exception {
    try (SilentModelServer model = silentModel(SilentModelServer.Silence.AFTER_HEADERS)) {
      TestUser user = TestUsers.create();

      askAndLeave(user, "{\"q\":\"/general hello\",\"stream\":true}", model);

      assertTurnCancelled(user, model, "hello");
    }
  }

  @Test
  void aSocketTurnStopsWhenTheSocketDrops() throws Exception {
    try (SilentModelServer model = silentModel(SilentModelServer.Silence.AFTER_HEADERS)) {
      TestUser user = TestUsers.create();
      ChatSocketFrames frames = new ChatSocketFrames();
      WebSocket ws = frames.connect(user.token(), "http://localhost");

      ws.sendText("{\"q\":\"/general hello\"}", true).join();
      await(() -> model.requests.get() == 1);
      assertThat(model.openConnections).as("the model call is in flight").hasValue(1);
      ws.abort();

      assertTurnCancelled(user, model, "hello");
    }
  }

  @Test
  void aStreamedTurnStopsWhileTheModelChoosesSources() throws Exception {
    try (SilentModelServer model = silentModel(SilentModelServer.Silence.BEFORE_HEADERS)) {
      TestUser user = TestUsers.create();
      Multipart notes =
          Multipart.files().add("/notes/tea.md", "text/markdown", "# Tea\nI drink green tea.\n");
      user.request()
          .contentType(notes.contentType())
          .body(notes.body())
          .patch("/api/content")
          .then()
          .statusCode(200);

      askAndLeave(user, "{\"q\":\"what do I drink\",\"stream\":true}", model);

      assertTurnCancelled(user, model, "what do I drink");
    }
  }
}
