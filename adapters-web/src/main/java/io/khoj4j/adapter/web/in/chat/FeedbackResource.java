package io.khoj4j.adapter.web.in.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.chat.GiveFeedbackCommand;
import io.khoj4j.application.port.in.chat.GiveFeedbackUseCase;
import io.khoj4j.domain.chat.Feedback.Sentiment;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Khoj's {@code POST /api/chat/feedback}: the web client's thumbs up or down under an answer. Answers {@code null}, as
 * Khoj does; the verdict is stored per turn and mailed to the operator when mail is configured.
 */
@Path("/api/chat/feedback")
@Authenticated
public class FeedbackResource {

  /** Khoj's body; {@code turn_id} is an optional khoj4j addition naming the turn. */
  public record FeedbackBody(
      String uquery,
      String kquery,
      String sentiment,
      @JsonProperty("turn_id") String turnId) {}

  private final CurrentUser currentUser;
  private final GiveFeedbackUseCase feedback;

  public FeedbackResource(CurrentUser currentUser, GiveFeedbackUseCase feedback) {
    this.currentUser = currentUser;
    this.feedback = feedback;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response give(FeedbackBody body) {
    if (body == null || body.uquery() == null) {
      throw RequestValidationException.missing("body", "uquery");
    }
    if (body.kquery() == null) {
      throw RequestValidationException.missing("body", "kquery");
    }
    if (body.sentiment() == null) {
      throw RequestValidationException.missing("body", "sentiment");
    }
    Sentiment sentiment = Sentiment.fromWire(body.sentiment());
    if (sentiment == null) {
      throw RequestValidationException.of(
          "body", "sentiment", "Input should be 'positive' or 'negative'", body.sentiment());
    }
    feedback.give(new GiveFeedbackCommand(
        currentUser.id(),
        body.uquery(),
        body.kquery(),
        sentiment,
        Optional.ofNullable(body.turnId())));
    return Response.ok("null", MediaType.APPLICATION_JSON_TYPE).build();
  }
}
