package io.khoj4j.bootstrap.jobs;

import io.khoj4j.application.port.in.content.MaintainEmbeddingsUseCase;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the vector index for the configured embedding model at start, then re-embeds, in the background, entries
 * left by a previous model. Safe with several replicas: a batch re-embedded twice is only wasted work.
 */
@ApplicationScoped
public class EmbeddingMaintenanceJob {

  private final MaintainEmbeddingsUseCase maintenance;
  private final int batchSize;

  public EmbeddingMaintenanceJob(
      MaintainEmbeddingsUseCase maintenance,
      @ConfigProperty(name = "khoj.content.reembed-batch-size", defaultValue = "64") int batchSize) {
    this.maintenance = maintenance;
    this.batchSize = batchSize;
  }

  void onStart(@Observes StartupEvent event) {
    maintenance.prepareIndex();
  }

  @Scheduled(every = "${khoj.content.reembed-interval:30s}", delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void reembed() {
    while (maintenance.reembedStale(batchSize) == batchSize) {
      // keep going while full batches come back; the next tick picks up the rest
    }
  }
}
