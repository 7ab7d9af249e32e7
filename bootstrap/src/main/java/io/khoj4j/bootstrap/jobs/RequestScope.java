package io.khoj4j.bootstrap.jobs;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.util.function.Supplier;

/**
 * Scheduler threads are not request threads: the adapters a job reaches (Hibernate's session among them) need a CDI
 * request context, so each run gets one of its own, as Quarkus' own scheduler gives its jobs.
 */
final class RequestScope {

  private RequestScope() {}

  static <T> T call(Supplier<T> work) {
    ManagedContext context = Arc.container().requestContext();
    if (context.isActive()) {
      return work.get();
    }
    context.activate();
    try {
      return work.get();
    } finally {
      context.terminate();
    }
  }

  static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
