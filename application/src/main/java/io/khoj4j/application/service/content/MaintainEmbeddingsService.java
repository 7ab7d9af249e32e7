package io.khoj4j.application.service.content;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.content.MaintainEmbeddingsUseCase;
import io.khoj4j.application.port.out.content.EmbeddingMaintenance;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * After the configured embedding model changes, entries made by the old model are re-embedded in batches by a
 * background job. Search only ever compares vectors of the current model, so nothing is silently mixed; until the
 * job finishes, not-yet-re-embedded entries are simply not found by vector search. The model's vector index is made
 * at start, or, when the model's server cannot be reached then, by the job once it answers.
 */
public final class MaintainEmbeddingsService implements MaintainEmbeddingsUseCase {

  private static final Logger LOG = System.getLogger(MaintainEmbeddingsService.class.getName());

  private final EmbeddingMaintenance maintenance;
  private final EmbeddingModel model;
  private volatile boolean indexReady;

  public MaintainEmbeddingsService(EmbeddingMaintenance maintenance, EmbeddingModel model) {
    this.maintenance = maintenance;
    this.model = model;
  }

  @Override
  public boolean prepareIndex() {
    if (indexReady) {
      return true;
    }
    int dimension;
    try {
      dimension = model.dimension();
    } catch (UpstreamFailureException e) {
      // a model server started after this one (a local Ollama, say): serve the rest meanwhile
      LOG.log(
          Level.WARNING,
          "The embedding model {0} cannot be reached ({1}): its vector index is prepared once it answers;"
              + " until then indexing and search fail",
          model.id(),
          e.getMessage());
      return false;
    }
    maintenance.ensureIndex(model.id(), dimension);
    indexReady = true;
    long stale = maintenance.countStale(model.id());
    if (stale > 0) {
      LOG.log(
          Level.INFO,
          "{0} entries were embedded by another model; re-embedding them with {1} in the background",
          stale,
          model.id());
    }
    return true;
  }

  @Override
  public int reembedStale(int batchSize) {
    if (!prepareIndex()) {
      return 0;
    }
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
