package io.khoj4j.bootstrap.jobs;

import io.khoj4j.application.port.in.content.MaintainEmbeddingsUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the vector index for the configured embedding model at start (every replica: the statement is idempotent),
 * then re-embeds, in the background and on one replica at a time, entries left by a previous model. A model server
 * that does not answer at start (it is asked the model's dimension) leaves the index to the job's first run after
 * it answers; the server starts and serves everything else meanwhile.
 */
@ApplicationScoped
public class EmbeddingMaintenanceJob implements ClusterJob {

  private final MaintainEmbeddingsUseCase maintenance;
  private final int batchSize;
  private final Duration interval;

  public EmbeddingMaintenanceJob(
      MaintainEmbeddingsUseCase maintenance,
      @ConfigProperty(name = "khoj.content.reembed-batch-size", defaultValue = "64") int batchSize,
      @ConfigProperty(name = "khoj.content.reembed-interval", defaultValue = "30s")
          Duration interval) {
    this.maintenance = maintenance;
    this.batchSize = batchSize;
    this.interval = interval;
  }

  void onStart(@Observes StartupEvent event) {
    maintenance.prepareIndex();
  }

  @Override
  public String name() {
    return "re-embed-stale-entries";
  }

  @Override
  public Duration every() {
    return interval;
  }

  @Override
  public void run() {
    while (maintenance.reembedStale(batchSize) == batchSize) {
      // keep going while full batches come back; the next run picks up the rest
    }
  }
}
