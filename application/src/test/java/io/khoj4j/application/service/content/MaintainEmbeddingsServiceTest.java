package io.khoj4j.application.service.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.content.EmbeddingMaintenance;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.embedding.FakeEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MaintainEmbeddingsServiceTest {

  /** The configured model on a server that may not answer yet (its dimension is asked of it). */
  static final class RemoteModel implements EmbeddingModel {
    final FakeEmbeddingModel answers = new FakeEmbeddingModel("remote");
    boolean down = true;

    private void reach() {
      if (down) {
        throw new UpstreamFailureException("The embedding server is unavailable", true, null);
      }
    }

    @Override
    public String id() {
      return answers.id();
    }

    @Override
    public int dimension() {
      reach();
      return answers.dimension();
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
      reach();
      return answers.embedDocuments(texts);
    }

    @Override
    public float[] embedQuery(String text) {
      reach();
      return answers.embedQuery(text);
    }
  }

  /** Records the indexes asked for; one entry of another model waits to be re-embedded. */
  static final class Maintenance implements EmbeddingMaintenance {
    final List<String> indexes = new ArrayList<>();
    final List<Stale> stale = new ArrayList<>(List.of(new Stale(UUID.randomUUID(), "old text")));
    final List<String> reembedded = new ArrayList<>();

    @Override
    public void ensureIndex(String modelId, int dimension) {
      indexes.add(modelId + "/" + dimension);
    }

    @Override
    public List<Stale> staleEntries(String modelId, int limit) {
      return List.copyOf(stale.subList(0, Math.min(limit, stale.size())));
    }

    @Override
    public void updateEmbedding(UUID entryId, float[] embedding, String modelId) {
      stale.removeIf(s -> s.entryId().equals(entryId));
      reembedded.add(entryId + "/" + modelId);
    }

    @Override
    public long countStale(String modelId) {
      return stale.size();
    }
  }

  private final RemoteModel model = new RemoteModel();
  private final Maintenance maintenance = new Maintenance();
  private final MaintainEmbeddingsService service =
      new MaintainEmbeddingsService(maintenance, model);

  @Test
  void anEmbeddingServerDownAtStartDelaysTheIndexInsteadOfStoppingTheServer() {
    assertThat(service.prepareIndex()).isFalse();
    assertThat(maintenance.indexes).isEmpty();
    // the background job meanwhile neither indexes nor re-embeds
    assertThat(service.reembedStale(10)).isZero();
    assertThat(maintenance.reembedded).isEmpty();

    model.down = false;
    assertThat(service.reembedStale(10)).isEqualTo(1);
    assertThat(maintenance.indexes).containsExactly("remote/" + FakeEmbeddingModel.DIMENSION);
    assertThat(maintenance.reembedded).hasSize(1);

    // prepared once: later calls do not build it again
    assertThat(service.prepareIndex()).isTrue();
    assertThat(maintenance.indexes).hasSize(1);
  }

  @Test
  void aModelThatAnswersHasItsIndexAtOnce() {
    model.down = false;
    assertThat(service.prepareIndex()).isTrue();
    assertThat(maintenance.indexes).containsExactly("remote/" + FakeEmbeddingModel.DIMENSION);
  }
}
