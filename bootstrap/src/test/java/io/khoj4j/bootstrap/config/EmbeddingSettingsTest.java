package io.khoj4j.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.llm.out.embedding.EmbeddingModelProducer;
import io.khoj4j.adapter.llm.out.rerank.RerankerProducer.RerankerSettings;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented property names (docs/configuration.md) and defaults of the embedding and reranker settings. */
class EmbeddingSettingsTest {

  private static SmallRyeConfig config(Map<String, String> properties) {
    return config(properties, Map.of());
  }

  private static SmallRyeConfig config(Map<String, String> properties, Map<String, String> env) {
    return new SmallRyeConfigBuilder()
        .withMapping(EmbeddingModelProducer.EmbeddingSettings.class)
        .withMapping(RerankerSettings.class)
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .withSources(new EnvConfigSource(env, 300))
        .build();
  }

  @Test
  void theDocumentedEnvironmentVariablesAreRead() {
    SmallRyeConfig config = config(
        Map.of(),
        Map.of(
            "KHOJ_EMBEDDING_MODEL", "openai",
            "KHOJ_EMBEDDING_OPENAI_BASE_URL", "http://127.0.0.1:11434/v1",
            "KHOJ_EMBEDDING_QUERY_CACHE_SIZE", "10",
            "KHOJ_SEARCH_RERANKER_URL", "http://127.0.0.1:8080/rerank"));

    var embedding = config.getConfigMapping(EmbeddingModelProducer.EmbeddingSettings.class);
    assertThat(embedding.model()).isEqualTo("openai");
    assertThat(embedding.openai().baseUrl()).contains("http://127.0.0.1:11434/v1");
    assertThat(embedding.queryCacheSize()).isEqualTo(10);
    assertThat(config.getConfigMapping(RerankerSettings.class).url())
        .contains("http://127.0.0.1:8080/rerank");
  }

  @Test
  void defaultsAreTheInProcessModelWithAQueryCache() {
    var settings =
        config(Map.of()).getConfigMapping(EmbeddingModelProducer.EmbeddingSettings.class);

    assertThat(settings.model()).isEqualTo("bge-small-en-v1.5-q");
    assertThat(settings.threads()).isEmpty();
    assertThat(settings.queryCacheSize()).isEqualTo(2000);
    assertThat(settings.openai().model()).isEqualTo("text-embedding-3-small");
    assertThat(settings.openai().batchSize()).isEqualTo(1000);
    assertThat(settings.openai().timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config(Map.of()).getConfigMapping(RerankerSettings.class).url()).isEmpty();
  }

  @Test
  void everyDocumentedPropertyIsRead() {
    SmallRyeConfig config = config(Map.ofEntries(
        Map.entry("khoj.embedding.model", "openai"),
        Map.entry("khoj.embedding.threads", "3"),
        Map.entry("khoj.embedding.query-cache-size", "0"),
        Map.entry("khoj.embedding.openai.base-url", "http://127.0.0.1:11434/v1"),
        Map.entry("khoj.embedding.openai.api-key", "k"),
        Map.entry("khoj.embedding.openai.model", "nomic-embed-text"),
        Map.entry("khoj.embedding.openai.dimensions", "768"),
        Map.entry("khoj.embedding.openai.batch-size", "64"),
        Map.entry("khoj.embedding.openai.timeout", "PT5S"),
        Map.entry("khoj.search.reranker.url", "http://127.0.0.1:8080/rerank"),
        Map.entry("khoj.search.reranker.api", "tei"),
        Map.entry("khoj.search.reranker.model", "bge-reranker"),
        Map.entry("khoj.search.reranker.api-key", "r"),
        Map.entry("khoj.search.reranker.timeout", "PT2S")));

    var embedding = config.getConfigMapping(EmbeddingModelProducer.EmbeddingSettings.class);
    assertThat(embedding.model()).isEqualTo("openai");
    assertThat(embedding.threads()).contains(3);
    assertThat(embedding.queryCacheSize()).isZero();
    assertThat(embedding.openai().baseUrl()).contains("http://127.0.0.1:11434/v1");
    assertThat(embedding.openai().apiKey()).contains("k");
    assertThat(embedding.openai().model()).isEqualTo("nomic-embed-text");
    assertThat(embedding.openai().dimensions()).contains(768);
    assertThat(embedding.openai().batchSize()).isEqualTo(64);
    assertThat(embedding.openai().timeout()).isEqualTo(Duration.ofSeconds(5));
    RerankerSettings reranker = config.getConfigMapping(RerankerSettings.class);
    assertThat(reranker.url()).contains("http://127.0.0.1:8080/rerank");
    assertThat(reranker.api()).isEqualTo("tei");
    assertThat(reranker.model()).contains("bge-reranker");
    assertThat(reranker.apiKey()).contains("r");
    assertThat(reranker.timeout()).isEqualTo(Duration.ofSeconds(2));
  }
}
