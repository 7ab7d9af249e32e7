package io.khoj4j.bootstrap.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.khoj4j.bootstrap.testing.AxisEmbeddings;
import io.khoj4j.bootstrap.testing.EmbeddingServerResource;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A server whose embedding model has 3,072 dimensions (OpenAI's text-embedding-3-large, Gemini's embeddings), more
 * than pgvector's single-precision graph holds: it starts, builds a half-precision graph for the model, stores and
 * searches notes. The model is an OpenAI-compatible server, stubbed: a text about zebras or animals gets one
 * direction, any other text another.
 */
@QuarkusTest
@TestProfile(LargeEmbeddingModelIT.LargeModel.class)
class LargeEmbeddingModelIT {

  static final String MODEL = "text-embedding-3-large";
  static final int DIMENSION = 3072;

  public static class LargeModel implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(EmbeddingServer.class));
    }
  }

  /** The stub: {@link AxisEmbeddings} on {@code /v1/embeddings}. */
  public static final class EmbeddingServer extends EmbeddingServerResource {

    @Override
    protected String model() {
      return MODEL;
    }

    @Override
    protected WireMockConfiguration configure(WireMockConfiguration options) {
      return options.extensions(new AxisEmbeddings(MODEL, DIMENSION));
    }

    @Override
    protected void stub(WireMockServer server) {
      server.stubFor(post(urlPathEqualTo("/v1/embeddings"))
          .willReturn(aResponse().withTransformers(AxisEmbeddings.NAME)));
    }
  }

  @Inject
  DataSource dataSource;

  @Test
  void notesAreStoredAndFoundThroughAHalfPrecisionGraph() throws Exception {
    assertThat(indexDefinition()).contains("halfvec(3072)").contains("hnsw");

    TestUser alice = TestUsers.create();
    alice.index(AxisEmbeddings.notes());
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "select vector_dims(embedding), model_id from entries where user_id = ?")) {
      ps.setObject(1, alice.id().value());
      try (ResultSet rs = ps.executeQuery()) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          assertThat(rs.getInt(1)).isEqualTo(DIMENSION);
          assertThat(rs.getString(2)).isEqualTo("openai:" + MODEL);
        }
        assertThat(rows).isEqualTo(2);
      }
    }

    assertThat(AxisEmbeddings.searchForAnAnimal(alice)).first().isEqualTo("/notes/zebra.md");
  }

  private String indexDefinition() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select indexdef from pg_indexes where indexname = ?")) {
      ps.setString(1, PgVectorEntryRepository.indexName("openai:" + MODEL));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }

  @AfterAll
  static void dropTheModelsIndex() throws Exception {
    EmbeddingServerResource.dropVectorIndex(MODEL);
  }
}
