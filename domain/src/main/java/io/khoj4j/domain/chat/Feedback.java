package io.khoj4j.domain.chat;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's verdict on one answer (Khoj's thumbs up or down under a message): the question, the answer and whether it
 * helped. One per turn: {@code turnKey} names the turn, and a later verdict on the same turn replaces the earlier one.
 */
public record Feedback(
    UUID id,
    UserId owner,
    String turnKey,
    Sentiment sentiment,
    String question,
    String answer,
    Instant at) {

  /** Khoj's web client sends {@code "positive"} or {@code "negative"}. */
  public enum Sentiment {
    POSITIVE,
    NEGATIVE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The sentiment with this wire name (any case), or {@code null} for anything else. */
    public static Sentiment fromWire(String value) {
      if (value == null) {
        return null;
      }
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "positive" -> POSITIVE;
        case "negative" -> NEGATIVE;
        default -> null;
      };
    }
  }

  public Feedback {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(turnKey, "turnKey");
    Objects.requireNonNull(sentiment, "sentiment");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(at, "at");
  }
}
