package io.khoj4j.application.port.out.model;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.image.ImageModel;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Image models and users' choices in memory, for tests. */
public final class InMemoryImageModelRepository implements ImageModelRepository {

  private final Map<Long, Stored> models = new TreeMap<>();
  private final Map<UserId, Long> choices = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  @Override
  public synchronized List<Stored> all() {
    return List.copyOf(models.values());
  }

  @Override
  public synchronized Optional<Stored> byId(long id) {
    return Optional.ofNullable(models.get(id));
  }

  @Override
  public synchronized Optional<ImageModel> byName(String name) {
    return models.values().stream()
        .map(Stored::model)
        .filter(m -> m.name().equals(name))
        .findFirst();
  }

  @Override
  public synchronized ImageModel save(ImageModel model, Optional<SealedSecret> key) {
    ImageModel saved = model.id() == 0 ? model.withId(ids.incrementAndGet()) : model;
    Optional<SealedSecret> kept = key.or(() -> byId(saved.id()).flatMap(Stored::key));
    models.put(saved.id(), new Stored(saved, kept));
    return saved;
  }

  @Override
  public synchronized boolean delete(long id) {
    choices.values().removeIf(chosen -> chosen == id);
    return models.remove(id) != null;
  }

  @Override
  public Optional<Long> choiceOf(UserId user) {
    return Optional.ofNullable(choices.get(user));
  }

  @Override
  public void choose(UserId user, long modelId) {
    choices.put(user, modelId);
  }

  public synchronized void clear() {
    models.clear();
    choices.clear();
  }
}
