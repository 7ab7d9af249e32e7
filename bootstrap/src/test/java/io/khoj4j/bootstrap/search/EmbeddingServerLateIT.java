package io.khoj4j.bootstrap.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.khoj4j.application.port.in.content.MaintainEmbeddingsUseCase;
import io.khoj4j.bootstrap.testing.AxisEmbeddings;
import io.khoj4j.bootstrap.testing.EmbeddingServerResource;
import io.khoj4j.bootstrap.testing.Multipart;
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
 * An OpenAI-compatible embedding server that does not answer yet when the server starts (a local model server started
 * after it, as a compose file may): the server starts anyway, its syncs and searches fail plainly while the model is
 * away, and once it answers the model's vector index is built and everything works.
 */
@QuarkusTest
@TestProfile(EmbeddingServerLateIT.LateModel.class)
class EmbeddingServerLateIT {

  static final String MODEL = "late-embedder";

  public static class LateModel implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(EmbeddingServer.class));
    }
  }

  /** 503 until the test says the model is up, then {@link AxisEmbeddings} of 8 dimensions. */
  public static final class EmbeddingServer extends EmbeddingServerResource {

    static volatile WireMockServer server;

    @Override
    protected String model() {
      return MODEL;
    }

    @Override
    protected WireMockConfiguration configure(WireMockConfiguration options) {
      return options.extensions(new AxisEmbeddings(MODEL, 8));
    }

    @Override
    protected void stub(WireMockServer started) {
      server = started;
      started.stubFor(post(urlPathEqualTo("/v1/embeddings"))
          .inScenario("model")
          .whenScenarioStateIs(STARTED)
          .willReturn(aResponse().withStatus(503).withBody("loading")));
      started.stubFor(post(urlPathEqualTo("/v1/embeddings"))
          .inScenario("model")
          .whenScenarioStateIs("up")
          .willReturn(aResponse().withTransformers(AxisEmbeddings.NAME)));
    }
  }

  @Inject
  DataSource dataSource;

  @Inject
  MaintainEmbeddingsUseCase maintenance;

  @Test
  void theServerStartsWithoutItsEmbeddingModelAndIndexesOnceTheModelAnswers() throws Exception {
    assertThat(indexes()).isZero();
    TestUser alice = TestUsers.create();
    Multipart notes = AxisEmbeddings.notes();

    // the model away: a sync is refused as a failing upstream, and nothing is stored
    int status = alice
        .request()
        .contentType(notes.contentType())
        .body(notes.body())
        .patch("/api/content")
        .then()
        .extract()
        .statusCode();
    assertThat(status).isBetween(502, 503);
    assertThat(entriesOf(alice)).isZero();

    EmbeddingServer.server.setScenarioState("model", "up");
    // what the background job does first on each run
    assertThat(maintenance.prepareIndex()).isTrue();
    assertThat(indexes()).isEqualTo(1);

    alice.index(notes);
    assertThat(entriesOf(alice)).isEqualTo(2);
    assertThat(AxisEmbeddings.searchForAnAnimal(alice)).first().isEqualTo("/notes/zebra.md");
  }

  private long indexes() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from pg_class where relname = ?")) {
      ps.setString(1, PgVectorEntryRepository.indexName("openai:" + MODEL));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long entriesOf(TestUser user) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from entries where user_id = ?")) {
      ps.setObject(1, user.id().value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @AfterAll
  static void dropTheModelsIndex() throws Exception {
    EmbeddingServerResource.dropVectorIndex(MODEL);
  }
}
