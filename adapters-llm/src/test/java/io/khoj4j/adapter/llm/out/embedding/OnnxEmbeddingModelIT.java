package io.khoj4j.adapter.llm.out.embedding;

import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel.Variant;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.embedding.EmbeddingModelContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The default in-process model keeps the port's promises (two threads, so batches really spread). */
class OnnxEmbeddingModelIT extends EmbeddingModelContract {

  private static OnnxEmbeddingModel model;

  @BeforeAll
  static void load() {
    model = new OnnxEmbeddingModel(Variant.BGE_SMALL_EN_V15_Q, true, 2);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Override
  protected EmbeddingModel model() {
    return model;
  }

  @Override
  protected String expectedId() {
    return "bge-small-en-v1.5-q";
  }
}
