package io.khoj4j.adapter.web.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.util.function.Supplier;

/**
 * Runs blocking identity work with a CDI request context: authentication also happens outside REST requests (the
 * WebSocket upgrade), where none is active, and the persistence adapters need one.
 */
final class WithRequestContext {

  private WithRequestContext() {}

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
}
