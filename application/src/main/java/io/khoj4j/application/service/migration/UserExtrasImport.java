package io.khoj4j.application.service.migration;

import io.khoj4j.application.error.ApplicationException;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.memory.MemoryRepository;
import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.application.port.out.subscription.SubscriptionRepository;
import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.subscription.SubscriptionType;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions (an account that already has one here keeps it) and memories, embedded again with this server's model
 * outside any transaction (or keeping Khoj's vector when Khoj's model is this server's), then stored with their
 * mapping.
 */
final class UserExtrasImport {

  private static final String MEMORIES = "database_usermemory";

  private final SubscriptionRepository subscriptions;
  private final MemoryRepository memories;
  private final EmbeddingModel embeddings;
  private final Clock clock;

  UserExtrasImport(
      SubscriptionRepository subscriptions,
      MemoryRepository memories,
      EmbeddingModel embeddings,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.memories = memories;
    this.embeddings = embeddings;
    this.clock = clock;
  }

  void run(KhojSource source, ImportRun run, KhojVectors vectors) {
    run.each(
        "subscriptions",
        source::subscriptions,
        KhojSource.Subscription::key,
        s -> run.once(
            "subscriptions", "database_subscription", s.key(), () -> importSubscription(s, run)));
    run.each("memories", source::memories, KhojSource.Memory::key, m -> {
      if (run.dryRun() || run.localId(MEMORIES, m.key()).isPresent()) {
        run.once(
            "memories",
            MEMORIES,
            m.key(),
            Optional::empty); // counts it: would import, or already imported
        return;
      }
      Optional<UserId> owner = run.user(m.userKey());
      if (owner.isEmpty() || m.raw() == null || m.raw().isBlank()) {
        run.skip(
            "memories", m.key(), owner.isEmpty() ? "its user was not imported" : "it is empty");
        return;
      }
      Optional<float[]> kept = vectors
          .sameModel()
          .filter(model -> model.key().equals(m.searchModelKey()))
          .flatMap(model -> vectors.usable(m.vector()));
      float[] vector;
      try {
        vector =
            kept.orElseGet(() -> embeddings.embedDocuments(List.of(m.raw())).getFirst());
      } catch (ApplicationException refused) {
        // the embedding server refusing one memory must not stop the import
        run.skip("memories", m.key(), "could not be embedded: " + refused.getMessage());
        return;
      }
      Instant at = m.createdAt() == null ? Instant.now(clock) : m.createdAt();
      run.once("memories", MEMORIES, m.key(), () -> {
        long id =
            memories.insert(owner.get(), m.raw(), vector, embeddings.id(), at).id();
        run.keptVectors(kept.isPresent() ? 1 : 0);
        return Optional.of(Long.toString(id));
      });
    });
  }

  private Optional<String> importSubscription(KhojSource.Subscription s, ImportRun run) {
    Optional<UserId> owner = run.user(s.userKey());
    if (owner.isEmpty()) {
      run.skip("subscriptions", s.key(), "its user was not imported");
      return Optional.empty();
    }
    if (subscriptions.find(owner.get()).isPresent()) {
      run.skip("subscriptions", s.key(), "the account already has a subscription here");
      return Optional.empty();
    }
    Instant now = Instant.now(clock);
    SubscriptionType type = SubscriptionType.fromWire(s.type());
    subscriptions.save(
        new Subscription(
            owner.get(),
            type,
            s.recurring(),
            s.renewalDate(),
            s.enabledTrialAt(),
            s.createdAt() == null ? now : s.createdAt()),
        now);
    return Optional.of(owner.get().value().toString());
  }
}
