package io.khoj4j.application.port.out.embedding;

/** The fake the service tests use keeps the same promises as the real models. */
class FakeEmbeddingModelTest extends EmbeddingModelContract {

  private final FakeEmbeddingModel model = new FakeEmbeddingModel("fake-contract");

  @Override
  protected EmbeddingModel model() {
    return model;
  }

  @Override
  protected String expectedId() {
    return "fake-contract";
  }
}
