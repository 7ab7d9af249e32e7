package io.khoj4j.application.port.in.voice;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** The voice (by id) a user wants answers read in. */
public record SelectVoiceCommand(UserId userId, String voiceId) {

  public SelectVoiceCommand {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(voiceId, "voiceId");
  }
}
