package io.khoj4j.application.port.out.voice;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryVoiceChoiceRepository implements VoiceChoiceRepository {

  private final Map<UserId, String> choices = new ConcurrentHashMap<>();

  @Override
  public Optional<String> find(UserId owner) {
    return Optional.ofNullable(choices.get(owner));
  }

  @Override
  public void save(UserId owner, String voiceId, Instant at) {
    choices.put(owner, voiceId);
  }
}
