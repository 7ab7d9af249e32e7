package io.khoj4j.application.port.out.feedback;

import io.khoj4j.domain.chat.Feedback;
import io.khoj4j.domain.user.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryFeedbackRepository implements FeedbackRepository {

  private record Key(UserId owner, String turnKey) {}

  private final Map<Key, Feedback> rows = new ConcurrentHashMap<>();

  @Override
  public void save(Feedback f) {
    rows.merge(
        new Key(f.owner(), f.turnKey()),
        f,
        (old, now) -> new Feedback(
            old.id(),
            now.owner(),
            now.turnKey(),
            now.sentiment(),
            now.question(),
            now.answer(),
            now.at()));
  }

  @Override
  public List<Feedback> list(UserId owner) {
    return rows.values().stream()
        .filter(f -> f.owner().equals(owner))
        .sorted(Comparator.comparing(Feedback::at).reversed().thenComparing(Feedback::id))
        .toList();
  }
}
