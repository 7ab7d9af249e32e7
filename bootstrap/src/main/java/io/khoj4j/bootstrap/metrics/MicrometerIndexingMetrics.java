package io.khoj4j.bootstrap.metrics;

import io.khoj4j.application.port.out.content.IndexingMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/** Indexing counters for Prometheus ({@code /q/metrics}): {@code khoj_indexing_*}. */
@ApplicationScoped
public class MicrometerIndexingMetrics implements IndexingMetrics {

  private final Counter filesIndexed;
  private final Counter filesRejected;
  private final Counter chunksAdded;
  private final Counter chunksDeleted;
  private final Counter chunksEmbedded;
  private final Timer embedding;

  public MicrometerIndexingMetrics(MeterRegistry registry) {
    filesIndexed = Counter.builder("khoj.indexing.files")
        .tag("outcome", "indexed")
        .description("Uploaded files indexed or deleted")
        .register(registry);
    filesRejected = Counter.builder("khoj.indexing.files")
        .tag("outcome", "rejected")
        .description("Uploaded files refused (bad name, damaged, unsupported)")
        .register(registry);
    chunksAdded = Counter.builder("khoj.indexing.chunks").tag("change", "added").register(registry);
    chunksDeleted =
        Counter.builder("khoj.indexing.chunks").tag("change", "deleted").register(registry);
    chunksEmbedded = Counter.builder("khoj.indexing.chunks.embedded")
        .description("Chunks sent to the embedding model")
        .register(registry);
    embedding = Timer.builder("khoj.indexing.embedding")
        .description("Time spent embedding batches")
        .register(registry);
  }

  @Override
  public void filesIndexed(int count) {
    filesIndexed.increment(count);
  }

  @Override
  public void filesRejected(int count) {
    filesRejected.increment(count);
  }

  @Override
  public void chunksEmbedded(int count, long nanos) {
    chunksEmbedded.increment(count);
    embedding.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void chunksWritten(int added, int deleted) {
    chunksAdded.increment(added);
    chunksDeleted.increment(deleted);
  }
}
