package io.khoj4j.adapter.web.in.chat;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.read;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.chat.GiveFeedbackCommand;
import io.khoj4j.application.port.in.chat.SuggestStartersQuery;
import io.khoj4j.domain.chat.Feedback.Sentiment;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slice test of {@link FeedbackResource} and {@link StarterResource}: what reaches the core and Khoj's answers. */
class FeedbackResourceTest {

  private final List<Object> received = new ArrayList<>();
  private final FeedbackResource feedback = new FeedbackResource(alice(), c -> received.add(c));
  private final StarterResource starters = new StarterResource(alice(), q -> {
    received.add(q);
    return List.of("What did I write about tea?", "Summarise my notes on Go");
  });

  private static FeedbackResource.FeedbackBody body(String json) {
    return read(json, FeedbackResource.FeedbackBody.class);
  }

  @Test
  void feedbackIsStoredForTheCallerAndAnsweredWithKhojsNull() {
    Response response =
        feedback.give(body("{\"uquery\":\"Tea?\",\"kquery\":\"Green.\",\"sentiment\":\"Positive\","
            + "\"turn_id\":\"t-1\"}"));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getEntity()).isEqualTo("null");
    assertThat(received)
        .containsExactly(new GiveFeedbackCommand(
            ALICE, "Tea?", "Green.", Sentiment.POSITIVE, Optional.of("t-1")));
  }

  @Test
  void khojsBodyWithoutATurnIdIsAccepted() {
    feedback.give(body("{\"uquery\":\"Tea?\",\"kquery\":\"Green.\",\"sentiment\":\"negative\"}"));

    assertThat(received)
        .containsExactly(
            new GiveFeedbackCommand(ALICE, "Tea?", "Green.", Sentiment.NEGATIVE, Optional.empty()));
  }

  @Test
  void eachMissingFieldAndAnUnknownSentimentIsAValidationErrorAndNothingIsStored() {
    rejects(() -> feedback.give(null), "body", "uquery");
    rejects(
        () -> feedback.give(body("{\"kquery\":\"a\",\"sentiment\":\"positive\"}")),
        "body",
        "uquery");
    rejects(
        () -> feedback.give(body("{\"uquery\":\"q\",\"sentiment\":\"positive\"}")),
        "body",
        "kquery");
    rejects(() -> feedback.give(body("{\"uquery\":\"q\",\"kquery\":\"a\"}")), "body", "sentiment");
    assertThat(rejects(
                () -> feedback.give(
                    body("{\"uquery\":\"q\",\"kquery\":\"a\",\"sentiment\":\"meh\"}")),
                "body",
                "sentiment")
            .input())
        .isEqualTo("meh");
    assertThat(received).isEmpty();
  }

  @Test
  void anOverlongTurnIdIsRefusedBeforeTheCore() {
    assertThatThrownBy(() ->
            feedback.give(new FeedbackResource.FeedbackBody("q", "a", "positive", "t".repeat(201))))
        .isInstanceOf(InvalidInputException.class);
    assertThat(received).isEmpty();
  }

  @Test
  void startersAreTheCallersSuggestionsAsAPlainArray() {
    assertThat(ChatJson.write(starters.starters()))
        .isEqualTo("[\"What did I write about tea?\",\"Summarise my notes on Go\"]");
    assertThat(received).containsExactly(new SuggestStartersQuery(ALICE));
  }
}
