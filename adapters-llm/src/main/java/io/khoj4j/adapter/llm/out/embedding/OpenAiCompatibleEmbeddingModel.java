package io.khoj4j.adapter.llm.out.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Embeddings from any server speaking OpenAI's {@code POST /embeddings} (OpenAI, vLLM, llama.cpp, LM Studio, Ollama's
 * {@code /v1}, Infinity, TEI). Texts go in slices of {@code batchSize}; failures surface as
 * {@link UpstreamFailureException} after LangChain4j's bounded retries. Not every such server answers with vectors of
 * unit length (OpenAI's do, many local servers' do not), so each vector is normalized here, as the port promises.
 */
public final class OpenAiCompatibleEmbeddingModel implements EmbeddingModel {

  private final OpenAiEmbeddingModel model;
  private final String id;
  private final String modelName;
  private final int batchSize;
  private volatile int dimension;

  public OpenAiCompatibleEmbeddingModel(
      String baseUrl,
      String apiKey,
      String modelName,
      Integer dimensions,
      int batchSize,
      Duration timeout,
      int maxRetries) {
    OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder builder = OpenAiEmbeddingModel.builder()
        .baseUrl(baseUrl)
        .apiKey(apiKey == null || apiKey.isBlank() ? "not-needed" : apiKey)
        .modelName(modelName)
        .timeout(timeout)
        .maxRetries(maxRetries);
    if (dimensions != null && dimensions > 0) {
      builder.dimensions(dimensions);
      this.dimension = dimensions;
    }
    this.model = builder.build();
    this.id = "openai:" + modelName;
    this.modelName = modelName;
    this.batchSize = batchSize;
  }

  @Override
  public String id() {
    return id;
  }

  /** The server's model name: any OpenAI-compatible server of that model makes these vectors, as does Khoj with it. */
  @Override
  public Optional<String> publishedName() {
    return Optional.of(modelName);
  }

  @Override
  public int dimension() {
    if (dimension == 0) {
      dimension = embedQuery("dimension probe").length;
    }
    return dimension;
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += batchSize) {
      List<TextSegment> slice =
          texts.subList(from, Math.min(texts.size(), from + batchSize)).stream()
              .map(t -> TextSegment.from(OnnxEmbeddingModel.nonBlank(t)))
              .toList();
      call(() -> model.embedAll(slice).content()).forEach(e -> out.add(normalized(e.vector())));
    }
    return out;
  }

  @Override
  public float[] embedQuery(String text) {
    Embedding e = call(() -> model.embed(OnnxEmbeddingModel.nonBlank(text)).content());
    return normalized(e.vector());
  }

  /** The vector scaled to unit length; an all-zero vector (no direction to keep) is returned as it is. */
  static float[] normalized(float[] vector) {
    double sum = 0;
    for (float x : vector) {
      sum += (double) x * x;
    }
    if (sum == 0 || Math.abs(sum - 1) < 1e-9) {
      return vector;
    }
    double norm = Math.sqrt(sum);
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }

  private static <T> T call(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (RateLimitException | TimeoutException e) {
      throw new UpstreamFailureException(
          "The embedding server is busy or slow; try again shortly", true, e);
    } catch (RetriableException e) {
      throw new UpstreamFailureException("The embedding server is unavailable", true, e);
    } catch (LangChain4jException e) {
      throw new UpstreamFailureException("The embedding server refused the request", false, e);
    } catch (RuntimeException e) {
      throw new UpstreamFailureException("The embedding server could not be reached", true, e);
    }
  }
}
