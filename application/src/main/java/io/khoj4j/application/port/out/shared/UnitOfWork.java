package io.khoj4j.application.port.out.shared;

import java.util.function.Supplier;

/**
 * What must happen atomically. Services decide the boundaries; adapters supply the transaction. Never call a
 * language model, an HTTP API or an embedding model inside one.
 */
public interface UnitOfWork {

  /**
   * Runs the work in a transaction: the caller's if one is active, else a new one committed when the work returns
   * and rolled back when it throws.
   */
  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
