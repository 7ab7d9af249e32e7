package io.khoj4j.application.port.out.memory;

import io.khoj4j.domain.memory.Memory;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users' memories with their vectors, and each user's memory switch. Every method is scoped by the owner. */
public interface MemoryRepository {

  /** The owner's memories, newest first. */
  List<Memory> list(UserId owner);

  Optional<Memory> find(UserId owner, long id);

  /** Stores a fact with its vector (of the embedding model {@code model}) and returns it with its new id. */
  Memory insert(UserId owner, String raw, float[] embedding, String model, Instant at);

  /** Deletes the owner's memory; false when they have none with that id. */
  boolean delete(UserId owner, long id);

  /**
   * The owner's memories nearest to {@code query} (a vector of {@code model}; memories of another model are not
   * compared), closest first, at most {@code limit}, none further than {@code maxDistance} (cosine distance).
   */
  List<Memory> nearest(UserId owner, float[] query, String model, int limit, double maxDistance);

  /** The owner's switch; empty when never set. */
  Optional<Boolean> switchOf(UserId owner);

  void setSwitch(UserId owner, boolean enabled, Instant at);
}
