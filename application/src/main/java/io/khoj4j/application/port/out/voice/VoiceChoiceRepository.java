package io.khoj4j.application.port.out.voice;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** The voice each user picked for read-aloud (its id). */
public interface VoiceChoiceRepository {

  Optional<String> find(UserId owner);

  /** Sets or replaces the owner's choice. */
  void save(UserId owner, String voiceId, Instant at);
}
