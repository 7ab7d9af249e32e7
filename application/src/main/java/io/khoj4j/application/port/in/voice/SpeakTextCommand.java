package io.khoj4j.application.port.in.voice;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Text (usually an answer, in Markdown) a user wants read aloud. */
public record SpeakTextCommand(UserId userId, String text) {

  public SpeakTextCommand {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(text, "text");
  }
}
