package io.khoj4j.application.port.in.chat;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.chat.Feedback.Sentiment;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * A verdict on one answer: the question ({@code uquery}), the answer ({@code kquery}) and the sentiment, as Khoj's
 * web client sends them; {@code turnId} when the client names the turn (Khoj's does not).
 */
public record GiveFeedbackCommand(
    UserId userId, String question, String answer, Sentiment sentiment, Optional<String> turnId) {

  /** Longest question or answer accepted, in characters (the chat's own limit on a question). */
  public static final int MAX_TEXT = 100_000;

  public GiveFeedbackCommand {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sentiment, "sentiment");
    turnId =
        turnId == null ? Optional.empty() : turnId.filter(t -> !t.isBlank()).map(String::strip);
    if (question == null || answer == null) {
      throw new InvalidInputException(
          "Feedback needs the question (uquery) and the answer (kquery).");
    }
    if (question.length() > MAX_TEXT || answer.length() > MAX_TEXT) {
      throw new InvalidInputException(
          "The question and the answer may have at most " + MAX_TEXT + " characters each.");
    }
    if (turnId.filter(t -> t.length() > 200).isPresent()) {
      throw new InvalidInputException("turn_id may have at most 200 characters.");
    }
  }
}
