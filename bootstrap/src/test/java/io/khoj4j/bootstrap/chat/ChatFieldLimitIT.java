package io.khoj4j.bootstrap.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.khoj4j.bootstrap.testing.ChatSocketFrames;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.http.WebSocket;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 3: a turn id over 100 characters or a title over 200 is refused with a 4xx JSON answer (over the
 * socket: an error event, the socket stays open) and nothing is stored — before, saving the turn failed with 500.
 */
@QuarkusTest
@Tag("security")
class ChatFieldLimitIT {

  @Test
  void anOverlongTurnIdOrTitleIsRefusedAndNothingIsStored() {
    FakeOpenAi.removeAllModels(TestUsers.createAdmin());
    TestUser user = TestUsers.create();

    Response turn = user.request()
        .contentType("application/json")
        .body(Map.of("q", "/general hello", "turn_id", "t".repeat(101)))
        .post("/api/chat?client=test");
    Response title = user.request()
        .contentType("application/json")
        .body(Map.of("q", "/general hello", "title", "t".repeat(201)))
        .post("/api/chat?client=test");

    for (Response r : new Response[] {turn, title}) {
      assertThat(r.statusCode()).isBetween(400, 499);
      assertThat(r.contentType()).startsWith("application/json");
    }
    assertThat(turn.asString()).contains("turn_id").contains("at most 100 characters");
    assertThat(title.asString()).contains("title").contains("at most 200 characters");
    user.request()
        .get("/api/chat/stats")
        .then()
        .statusCode(200)
        .body("num_conversations", equalTo(0));
  }

  @Test
  void theLongestAllowedTurnIdAndTitleAreAccepted() {
    FakeOpenAi.removeAllModels(TestUsers.createAdmin());
    TestUser user = TestUsers.create();

    user.request()
        .contentType("application/json")
        .body(Map.of("q", "/general hello", "turn_id", "t".repeat(100), "title", "t".repeat(200)))
        .post("/api/chat?client=test")
        .then()
        .statusCode(200);

    user.request()
        .get("/api/chat/stats")
        .then()
        .statusCode(200)
        .body("num_conversations", equalTo(1));
  }

  @Test
  void overTheSocketAnOverlongTurnIdIsAnErrorEventNotAClose() throws Exception {
    FakeOpenAi.removeAllModels(TestUsers.createAdmin());
    TestUser user = TestUsers.create();
    ChatSocketFrames frames = new ChatSocketFrames();
    WebSocket ws = frames.connect(user.token(), "http://127.0.0.1");

    ws.sendText("{\"q\":\"/general hello\",\"turn_id\":\"" + "t".repeat(101) + "\"}", true)
        .join();
    ws.sendText("{\"type\":\"interrupt\"}", true).join();
    for (int i = 0; i < 200 && !frames.has("interrupt_acknowledged"); i++) {
      Thread.sleep(50);
    }

    assertThat(frames.has("at most 100 characters")).isTrue();
    assertThat(frames.has("interrupt_acknowledged"))
        .as("the socket still answers")
        .isTrue();
    assertThat(frames.closed).isNotDone();
    ws.abort();
    user.request()
        .get("/api/chat/stats")
        .then()
        .statusCode(200)
        .body("num_conversations", equalTo(0));
  }
}
