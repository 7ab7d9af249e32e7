package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.error.UpstreamFailureException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one outside call per item (web searches, page reads) at the same time, each on its own virtual thread, and
 * waits for all. A call that fails with {@link UpstreamFailureException} gives that failure in its place; anything
 * else is a bug and is thrown.
 */
final class Fanout {

  sealed interface Outcome<R> {}

  record Done<R>(R value) implements Outcome<R> {}

  record Failed<R>(UpstreamFailureException error) implements Outcome<R> {}

  private Fanout() {}

  /** One outcome per item, in the items' order. */
  static <T, R> List<Outcome<R>> run(List<T> items, Function<T, R> call) {
    if (items.size() == 1) {
      try {
        return List.of(new Done<>(call.apply(items.getFirst())));
      } catch (UpstreamFailureException e) {
        return List.of(new Failed<>(e));
      }
    }
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<Future<R>> running = new ArrayList<>();
      for (T item : items) {
        running.add(threads.submit(() -> call.apply(item)));
      }
      List<Outcome<R>> outcomes = new ArrayList<>();
      for (Future<R> future : running) {
        outcomes.add(outcome(future));
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }

  private static <R> Outcome<R> outcome(Future<R> future) {
    try {
      return new Done<>(future.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new Failed<>(new UpstreamFailureException("interrupted", true, e));
    } catch (ExecutionException e) {
      return switch (e.getCause()) {
        case UpstreamFailureException failure -> new Failed<>(failure);
        case RuntimeException bug -> throw bug;
        case Error error -> throw error;
        default -> throw new IllegalStateException(e.getCause());
      };
    }
  }
}
