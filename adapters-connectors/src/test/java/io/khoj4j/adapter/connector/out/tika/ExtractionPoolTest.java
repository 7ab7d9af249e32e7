package io.khoj4j.adapter.connector.out.tika;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.content.Extraction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bounded reading pool (issue 25 item 1): a runaway document is stopped, and reading never takes every thread. */
@Tag("faults")
class ExtractionPoolTest {

  private static final Duration NEVER = Duration.ofHours(1);

  @Test
  void aDocumentThatKeepsTheProcessorBusyIsStoppedByItsCpuTimeAndGivesItsSlotBack() {
    ExtractionPool pool = new ExtractionPool(1, Duration.ofMillis(50), NEVER);

    Extraction e = pool.run("spin.pdf", () -> {
      long n = 0;
      while (!Thread.currentThread().isInterrupted()) {
        n++;
      }
      return new Extraction.Pages(List.of(Long.toString(n)));
    });

    assertThat(e)
        .isEqualTo(new Extraction.Unreadable("reading used more than 50 ms of processor time"));
    waitUntil(() -> pool.busy() == 0);
    assertThat(pool.run("next.pdf", () -> new Extraction.Pages(List.of("ok"))))
        .isEqualTo(new Extraction.Pages(List.of("ok")));
  }

  @Test
  void noMoreDocumentsAreReadAtOnceThanThePoolHasThreads() throws InterruptedException {
    ExtractionPool pool = new ExtractionPool(2, NEVER, NEVER);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    List<Extraction> results = new CopyOnWriteArrayList<>();
    List<Thread> callers = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      callers.add(Thread.ofPlatform()
          .start(() -> results.add(pool.run("f.pdf", () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            release.await();
            running.decrementAndGet();
            return new Extraction.Pages(List.of("ok"));
          }))));
    }

    // mostAtOnce is raised just after running: wait for both, or the check races the second
    // reader's start
    waitUntil(() ->
        pool.busy() == 2 && pool.waiting() == 1 && running.get() == 2 && mostAtOnce.get() >= 2);
    assertThat(mostAtOnce).hasValue(2);
    release.countDown();
    for (Thread caller : callers) {
      caller.join();
    }

    assertThat(results).hasSize(3).allMatch(r -> r.equals(new Extraction.Pages(List.of("ok"))));
    assertThat(mostAtOnce).hasValue(2);
    waitUntil(
        () -> pool.busy() == 0); // a slot is given back when its thread ends, just after the answer
  }

  @Test
  void aParserThatThrowsIsUnreadableAndFreesItsSlot() {
    ExtractionPool pool = new ExtractionPool(1, NEVER, NEVER);

    Extraction e = pool.run("bad.docx", () -> {
      throw new IllegalStateException("boom");
    });

    assertThat(e).isEqualTo(new Extraction.Unreadable("unreadable: IllegalStateException"));
    waitUntil(() -> pool.busy() == 0);
  }

  /** Waits for a state, not for a time: the bound only keeps a broken build from hanging. */
  private static void waitUntil(BooleanSupplier condition) {
    for (int i = 0; i < 120_000 && !condition.getAsBoolean(); i++) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    assertThat(condition.getAsBoolean()).as("state reached").isTrue();
  }
}
