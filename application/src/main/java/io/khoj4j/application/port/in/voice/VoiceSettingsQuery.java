package io.khoj4j.application.port.in.voice;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** What voice features the server offers a user. */
public record VoiceSettingsQuery(UserId userId) {

  public VoiceSettingsQuery {
    Objects.requireNonNull(userId, "userId");
  }
}
