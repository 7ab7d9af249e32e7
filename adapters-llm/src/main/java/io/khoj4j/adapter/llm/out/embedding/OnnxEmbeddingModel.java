package io.khoj4j.adapter.llm.out.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * An embedding model that runs in this process (ONNX Runtime, model shipped in a Maven jar): search works with no
 * network at all. Both supported models make normalized 384-dimension vectors.
 */
public final class OnnxEmbeddingModel implements EmbeddingModel {

  /** The in-process models khoj4j ships. */
  public enum Variant {
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "Represent this sentence for searching relevant passages: ",
        BgeSmallEnV15QuantizedEmbeddingModel::new),
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "", AllMiniLmL6V2QuantizedEmbeddingModel::new);

    private final String id;
    private final String queryInstruction;
    private final Supplier<dev.langchain4j.model.embedding.EmbeddingModel> factory;

    Variant(String id, String queryInstruction, Supplier<dev.langchain4j.model.embedding.EmbeddingModel> factory) {
      this.id = id;
      this.queryInstruction = queryInstruction;
      this.factory = factory;
    }

    public String id() {
      return id;
    }

    public static Variant of(String id) {
      for (Variant v : values()) {
        if (v.id.equals(id.toLowerCase(Locale.ROOT))) {
          return v;
        }
      }
      throw new IllegalArgumentException("unknown in-process embedding model: " + id);
    }
  }

  private final Variant variant;
  private final dev.langchain4j.model.embedding.EmbeddingModel model;
  private final boolean queryInstruction;
  /**
   * ONNX Runtime already spreads one call over every core; concurrent document batches only fight for them. Batches
   * take turns; a query (one short text) never waits behind them.
   */
  private final Semaphore batches = new Semaphore(1, true);

  public OnnxEmbeddingModel(Variant variant, boolean useQueryInstruction) {
    this.variant = variant;
    this.model = variant.factory.get();
    this.queryInstruction = useQueryInstruction;
  }

  public OnnxEmbeddingModel(Variant variant) {
    this(variant, true);
  }

  @Override
  public String id() {
    return variant.id;
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    batches.acquireUninterruptibly();
    try {
      return model.embedAll(texts.stream().map(t -> TextSegment.from(nonBlank(t))).toList()).content().stream()
          .map(e -> e.vector())
          .toList();
    } finally {
      batches.release();
    }
  }

  @Override
  public float[] embedQuery(String text) {
    String query = queryInstruction ? variant.queryInstruction + text : text;
    return model.embed(nonBlank(query)).content().vector();
  }

  /** The models cannot embed nothing; an empty text gets the vector of a lone full stop. */
  static String nonBlank(String text) {
    return text.isBlank() ? "." : text;
  }
}
