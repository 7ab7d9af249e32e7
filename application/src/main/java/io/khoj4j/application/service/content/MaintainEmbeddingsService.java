package io.khoj4j.application.service.content;

import io.khoj4j.application.port.in.content.MaintainEmbeddingsUseCase;
import io.khoj4j.application.port.out.content.EmbeddingMaintenance;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * After the configured embedding model changes, entries made by the old model are re-embedded in batches by a
 * background job. Search only ever compares vectors of the current model, so nothing is silently mixed; until the
 * job finishes, not-yet-re-embedded entries are simply not found by vector search.
 */
public final class MaintainEmbeddingsService implements MaintainEmbeddingsUseCase {

  private static final Logger LOG = System.getLogger(MaintainEmbeddingsService.class.getName());

  private final EmbeddingMaintenance maintenance;
  private final EmbeddingModel model;

  public MaintainEmbeddingsService(EmbeddingMaintenance maintenance, EmbeddingModel model) {
    this.maintenance = maintenance;
    this.model = model;
  }

  @Override
  public void prepareIndex() {
    maintenance.ensureIndex(model.id(), model.dimension());
    long stale = maintenance.countStale(model.id());
    if (stale > 0) {
      LOG.log(
          Level.INFO,
          "{0} entries were embedded by another model; re-embedding them with {1} in the background",
          stale,
          model.id());
    }
  }

  @Override
  public int reembedStale(int batchSize) {
    List<EmbeddingMaintenance.Stale> stale = maintenance.staleEntries(model.id(), batchSize);
    if (stale.isEmpty()) {
      return 0;
    }
    List<float[]> vectors = model.embedDocuments(
        stale.stream().map(EmbeddingMaintenance.Stale::compiled).toList());
    for (int i = 0; i < stale.size(); i++) {
      maintenance.updateEmbedding(stale.get(i).entryId(), vectors.get(i), model.id());
    }
    LOG.log(
        Level.INFO,
        "Re-embedded {0} entries with {1}; {2} left",
        stale.size(),
        model.id(),
        maintenance.countStale(model.id()));
    return stale.size();
  }
}
