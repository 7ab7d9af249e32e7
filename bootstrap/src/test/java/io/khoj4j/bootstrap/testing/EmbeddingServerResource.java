package io.khoj4j.bootstrap.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A stubbed OpenAI-compatible embedding server ({@code POST /v1/embeddings}) as the server's embedding model, for a
 * test profile. Background jobs are off: a model of the test's own must not re-embed other tests' entries in the
 * shared database.
 */
public abstract class EmbeddingServerResource implements QuarkusTestResourceLifecycleManager {

  private WireMockServer server;

  /** The model name the server sends, and its stored entries carry ({@code openai:<model>}). */
  protected abstract String model();

  /** WireMock's options: extensions, for instance. */
  protected WireMockConfiguration configure(WireMockConfiguration options) {
    return options;
  }

  /** Stubs {@code /v1/embeddings} on the started server. */
  protected abstract void stub(WireMockServer server);

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(configure(options().dynamicPort().bindAddress("127.0.0.1")));
    server.start();
    stub(server);
    return Map.of(
        "khoj.embedding.model",
        "openai",
        "khoj.embedding.openai.base-url",
        server.baseUrl() + "/v1",
        "khoj.embedding.openai.model",
        model(),
        "khoj.jobs.enabled",
        "false");
  }

  /** Drops the vector index of this kind of test's model: other tests share the database. */
  public static void dropVectorIndex(String model) throws SQLException {
    try (Connection c = Arc.container().instance(DataSource.class).get().getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop index if exists " + PgVectorEntryRepository.indexName("openai:" + model));
    }
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
