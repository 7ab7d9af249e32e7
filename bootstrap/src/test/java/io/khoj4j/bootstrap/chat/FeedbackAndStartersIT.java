package io.khoj4j.bootstrap.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.feedback.FeedbackRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.Feedback;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /api/chat/feedback} and {@code GET /api/chat/starters}. */
@QuarkusTest
class FeedbackAndStartersIT {

  private static List<Feedback> storedFeedback(TestUser user) {
    return Arc.container().instance(FeedbackRepository.class).get().list(user.id());
  }

  private static io.restassured.response.Response feedback(TestUser user, String json) {
    return user.request().contentType(ContentType.JSON).body(json).post("/api/chat/feedback");
  }

  @Test
  void feedbackAnswersNullAndIsStoredOncePerTurn() {
    TestUser alice = TestUsers.create();

    String body = feedback(
            alice,
            "{\"uquery\":\"why is the sky blue?\",\"kquery\":\"Rayleigh scattering.\","
                + "\"sentiment\":\"positive\"}")
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"))
        .extract()
        .asString();
    feedback(
            alice,
            "{\"uquery\":\"why is the sky blue?\",\"kquery\":\"Rayleigh scattering.\","
                + "\"sentiment\":\"negative\"}")
        .then()
        .statusCode(200);

    assertThat(body).isEqualTo("null");
    assertThat(storedFeedback(alice)).singleElement().satisfies(f -> {
      assertThat(f.sentiment()).isEqualTo(Feedback.Sentiment.NEGATIVE);
      assertThat(f.question()).isEqualTo("why is the sky blue?");
      assertThat(f.answer()).isEqualTo("Rayleigh scattering.");
    });
  }

  @Test
  void badFeedbackIs422AndStoresNothing() {
    TestUser alice = TestUsers.create();

    feedback(alice, "{\"uquery\":\"q\",\"kquery\":\"a\",\"sentiment\":\"meh\"}")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("sentiment"));
    feedback(alice, "{\"uquery\":\"q\",\"sentiment\":\"positive\"}")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("kquery"));
    feedback(alice, "{\"uquery\":")
        .then()
        .statusCode(422)
        .body("detail[0].type", equalTo("json_invalid"));
    feedback(
            alice,
            "{\"uquery\":\"q\",\"kquery\":\"" + "a".repeat(100_001)
                + "\",\"sentiment\":\"positive\"}")
        .then()
        .statusCode(422)
        .body("detail", containsString("at most"));

    assertThat(storedFeedback(alice)).isEmpty();
  }

  @Test
  void feedbackNeedsAUser() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"uquery\":\"q\",\"kquery\":\"a\",\"sentiment\":\"positive\"}")
        .post("/api/chat/feedback")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
  }

  @Test
  void startersComeFromTheCallersOwnNotesAndQuestionsOnly() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String secret = "Okapi-" + UUID.randomUUID();
    Multipart notes = Multipart.files()
        .add("/alice/okapi.md", "text/markdown", "# " + secret + "\nShy animals.\n");
    alice
        .request()
        .contentType(notes.contentType())
        .body(notes.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
    asked(alice, "where do okapis live?");

    bob.request().get("/api/chat/starters").then().statusCode(200).body("$", empty());
    alice
        .request()
        .get("/api/chat/starters")
        .then()
        .statusCode(200)
        .body(
            "$",
            equalTo(
                List.of("What do my notes say about " + secret + "?", "where do okapis live?")));

    Multipart bobs =
        Multipart.files().add("/bob/kites.md", "text/markdown", "# Kites\nThey fly.\n");
    bob.request()
        .contentType(bobs.contentType())
        .body(bobs.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
    bob.request()
        .get("/api/chat/starters")
        .then()
        .statusCode(200)
        .body("$", equalTo(List.of("What do my notes say about Kites?")))
        .body("$", everyItem(not(containsString(secret))));
  }

  @Test
  void startersNeedAUser() {
    given().get("/api/chat/starters").then().statusCode(403).body("detail", equalTo("Forbidden"));
  }

  /** A stored conversation with the user's question (no model is needed to ask it). */
  private static void asked(TestUser user, String question) {
    ConversationRepository conversations =
        Arc.container().instance(ConversationRepository.class).get();
    UnitOfWork unitOfWork = Arc.container().instance(UnitOfWork.class).get();
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    unitOfWork.run(() -> {
      conversations.createIfAbsent(
          new Conversation(id, user.id(), null, null, null, List.of(), at, at));
      conversations.appendMessages(
          user.id(),
          id,
          List.of(ChatMessage.fromUser(question, at, "turn-1", List.of(), List.of())),
          question,
          at);
    });
  }
}
