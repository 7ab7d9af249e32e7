package io.khoj4j.application.port.in.voice;

import io.khoj4j.domain.user.UserId;
import io.khoj4j.domain.voice.AudioClip;
import java.util.Objects;

/** A user's recording to be turned into text. Nothing of it is stored. */
public record TranscribeAudioCommand(UserId userId, AudioClip clip) {

  public TranscribeAudioCommand {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(clip, "clip");
  }
}
