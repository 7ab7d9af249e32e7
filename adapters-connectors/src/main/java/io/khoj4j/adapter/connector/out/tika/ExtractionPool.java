package io.khoj4j.adapter.connector.out.tika;

import io.khoj4j.application.port.out.content.Extraction;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs document reading on a bounded number of threads, so that one user's uploads cannot take every processor from
 * other users' searches and chats, and stops a document that uses more CPU time (or wall-clock time) than allowed.
 *
 * <p>Each document gets a platform thread of its own, holding one of {@code threads} slots until that thread really
 * ends. A document over its limit is interrupted and answered at once as unreadable; should a parser ignore the
 * interrupt, its thread keeps its slot (and is logged) so the bound on concurrent reading still holds.
 */
final class ExtractionPool {

  private static final Logger LOG = Logger.getLogger(ExtractionPool.class);
  private static final long POLL_MILLIS = 25;

  private final int threads;
  private final Semaphore slots;
  private final long cpuNanos;
  private final Duration timeout;
  private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
  private final boolean cpuMeasured;
  private final AtomicInteger names = new AtomicInteger();

  ExtractionPool(int threads, Duration cpuTime, Duration timeout) {
    this.threads = threads;
    this.slots = new Semaphore(threads, true);
    this.cpuNanos = cpuTime.toNanos();
    this.timeout = timeout;
    this.cpuMeasured = mx.isThreadCpuTimeSupported();
    if (cpuMeasured && !mx.isThreadCpuTimeEnabled()) {
      mx.setThreadCpuTimeEnabled(true);
    }
  }

  /** Documents being read right now (threads holding a slot). */
  int busy() {
    return threads - slots.availablePermits();
  }

  /** Callers waiting for a slot. */
  int waiting() {
    return slots.getQueueLength();
  }

  Extraction run(String fileName, Callable<Extraction> job) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!slots.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        return new Extraction.Unreadable(
            "the server is busy reading other documents; try again later");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Extraction.Unreadable("interrupted");
    }
    CompletableFuture<Extraction> result = new CompletableFuture<>();
    Thread worker;
    try {
      worker = Thread.ofPlatform()
          .daemon()
          .name("document-reader-" + names.incrementAndGet())
          .unstarted(() -> {
            try {
              result.complete(job.call());
            } catch (Throwable t) {
              result.completeExceptionally(t);
            } finally {
              slots.release();
            }
          });
      worker.start();
    } catch (RuntimeException | Error e) {
      slots.release();
      throw e;
    }
    while (true) {
      try {
        return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long cpu = cpuMeasured ? mx.getThreadCpuTime(worker.threadId()) : -1;
        if (cpu > cpuNanos) {
          return stop(
              worker,
              fileName,
              "reading used more than " + describe(Duration.ofNanos(cpuNanos))
                  + " of processor time");
        }
        if (System.nanoTime() - deadline > 0) {
          return stop(worker, fileName, "reading took longer than " + describe(timeout));
        }
      } catch (InterruptedException e) {
        worker.interrupt();
        Thread.currentThread().interrupt();
        return new Extraction.Unreadable("interrupted");
      } catch (ExecutionException e) {
        LOG.debugf(e.getCause(), "cannot read %s", fileName);
        return new Extraction.Unreadable(
            "unreadable: " + e.getCause().getClass().getSimpleName());
      }
    }
  }

  private static Extraction stop(Thread worker, String fileName, String reason) {
    worker.interrupt();
    LOG.warnf(
        "Stopped reading %s: %s (thread %s keeps its slot until it ends)",
        fileName, reason, worker.getName());
    return new Extraction.Unreadable(reason);
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
