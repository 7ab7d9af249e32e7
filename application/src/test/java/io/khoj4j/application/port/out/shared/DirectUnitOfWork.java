package io.khoj4j.application.port.out.shared;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Fake: runs work inline and counts transactions, so a test can assert what a service made atomic. */
public final class DirectUnitOfWork implements UnitOfWork {

  private final AtomicInteger transactions = new AtomicInteger();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    transactions.incrementAndGet();
    return work.get();
  }

  public int transactions() {
    return transactions.get();
  }
}
