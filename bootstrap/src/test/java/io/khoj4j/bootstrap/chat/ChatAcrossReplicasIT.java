package io.khoj4j.bootstrap.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.persistence.out.conversation.PgStoppingTurns;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * ADR 37, item 4, as this server sees another replica: a turn that replica is stopping is a row of
 * {@code stopping_turns}, marked here by the test through the store that replica would use, and a new message in the conversation
 * answers only once the row is gone. (How a replica marks its own stopped turns: {@code RunningTurnsTest}.)
 */
@QuarkusTest
class ChatAcrossReplicasIT {

  /** The other replica's view of the same table. */
  @Inject
  PgStoppingTurns otherReplica;

  @Test
  void aNewMessageWaitsForTheTurnAnotherReplicaIsStoppingInItsConversation() throws Exception {
    // no chat model: the turn answers at once, so all it can wait for is the other replica
    FakeOpenAi.removeAllModels(TestUsers.createAdmin());
    TestUser alice = TestUsers.create();
    String conversation = alice.newConversation();
    UUID stoppingTurn = UUID.randomUUID();
    otherReplica.mark(UUID.fromString(conversation), stoppingTurn, Instant.now().plusSeconds(30));
    AtomicBoolean ended = new AtomicBoolean();

    CompletableFuture<Response> asked = CompletableFuture.supplyAsync(() -> {
      Response r = alice
          .request()
          .contentType("application/json")
          .body(Map.of("q", "/general what do I drink?", "conversation_id", conversation))
          .post("/api/chat?client=test");
      assertThat(ended).as("answered before the stopped turn ended").isTrue();
      return r;
    });
    Thread.sleep(700);
    assertThat(asked).as("the new message waits").isNotDone();
    ended.set(true);
    otherReplica.unmark(stoppingTurn);

    Response answered = asked.get(10, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).as(answered.asString()).isEqualTo(200);
    alice
        .request()
        .queryParam("conversation_id", conversation)
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat.message[0]", org.hamcrest.Matchers.equalTo("what do I drink?"));
  }
}
