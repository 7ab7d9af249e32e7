package io.khoj4j.bootstrap.migration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.khoj4j.bootstrap.cli.AdminCommands;
import io.khoj4j.bootstrap.testing.EmbeddingServerResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code admin import-khoj} when this server embeds with the model Khoj's vectors came from (an OpenAI-compatible
 * server, stubbed, serving a model of that name): pieces of notes whose text Khoj embedded are stored with Khoj's
 * vector and never sent to the model; other pieces are embedded; a memory keeps its vector; the notes are found by
 * search.
 */
@QuarkusTest
@TestProfile(ImportKhojVectorsIT.SameModel.class)
class ImportKhojVectorsIT {

  static final String MODEL = "khoj-test-embedder";

  public static class SameModel implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(EmbeddingServer.class));
    }
  }

  /** An OpenAI-compatible {@code /v1/embeddings} answering one 4-dimension vector per input text, as OpenAI's API
   * shapes it. */
  public static final class EmbeddingServer extends EmbeddingServerResource {

    static volatile WireMockServer server;

    @Override
    protected String model() {
      return MODEL;
    }

    @Override
    protected void stub(WireMockServer started) {
      server = started;
      started.stubFor(post(urlPathEqualTo("/v1/embeddings"))
          .willReturn(aResponse()
              .withHeader("Content-Type", "application/json")
              .withBody("{\"object\":\"list\",\"model\":\"" + MODEL + "\",\"data\":["
                  + "{{#each (jsonPath request.body '$.input') as |text|}}"
                  + "{{#unless @first}},{{/unless}}"
                  + "{\"object\":\"embedding\",\"index\":{{@index}},\"embedding\":[0.5,0.5,0.5,0.5]}"
                  + "{{/each}}],\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}")
              .withTransformers("response-template")));
    }
  }

  private static final KhojSourceFixture KHOJ = new KhojSourceFixture();

  @Inject
  AdminCommands commands;

  @BeforeAll
  static void createKhojSource() throws Exception {
    KHOJ.create(MODEL);
  }

  @AfterAll
  static void dropKhojSource() throws Exception {
    KHOJ.drop();
  }

  @Test
  void piecesKhojEmbeddedWithThisModelKeepTheirVectorsAndAreFoundBySearch() throws Exception {
    KhojSourceFixture.Run run = KHOJ.importWith(commands);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("vectors: Khoj's " + MODEL + " is this server's embedding model (openai:" + MODEL
            + "): its vectors are kept for unchanged text");
    // Ann's garden note is one piece, compiled as Khoj compiled it; Bob's memory. Bob's note is
    // one piece here and two in Khoj: embedded again.
    assertThat(run.out())
        .contains(
            "files: 3 found, 2 imported",
            "memories: 1 found, 1 imported",
            "vectors: 2 of Khoj's kept (same embedding model, same text), not embedded again");

    assertThat(vectorOf(
            "select e.embedding::text, e.model_id from entries e join users u on u.id = e.user_id"
                + " where u.email = ? and e.file_path = '/notes/garden.md'",
            "ann-" + KHOJ.run + "@example.org"))
        .containsExactly("[0.6,0.8,0,0]", "openai:" + MODEL);
    assertThat(vectorOf(
            "select e.embedding::text, e.model_id from entries e join users u on u.id = e.user_id"
                + " where u.email = ? and e.file_path = '/bob/zanzibar.md'",
            "bob-" + KHOJ.run + "@example.org"))
        .containsExactly("[0.5,0.5,0.5,0.5]", "openai:" + MODEL);
    assertThat(vectorOf(
            "select m.embedding::text, m.embedding_model from user_memories m"
                + " join users u on u.id = m.user_id where u.email = ?",
            "bob-" + KHOJ.run + "@example.org"))
        .containsExactly("[0,0,1,0]", "openai:" + MODEL);

    List<String> embedded = new ArrayList<>();
    for (LoggedRequest r :
        EmbeddingServer.server.findAll(postRequestedFor(urlPathEqualTo("/v1/embeddings")))) {
      embedded.add(r.getBodyAsString());
    }
    assertThat(embedded).anySatisfy(body -> assertThat(body).contains("Zanzibar by dhow"));
    assertThat(embedded)
        .noneSatisfy(body -> assertThat(body).contains("Tomatoes need watering"))
        .noneSatisfy(body -> assertThat(body).contains("allergic to peanuts"));

    List<String> found = given()
        .header("Authorization", "Bearer " + KHOJ.annToken)
        .queryParam("q", "when to water tomatoes")
        .get("/api/search")
        .then()
        .statusCode(200)
        .extract()
        .path("additional.file");
    assertThat(found).containsExactly("/notes/garden.md");
  }

  private static List<String> vectorOf(String sql, String email) throws Exception {
    try (Connection c = KhojSourceFixture.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, email);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        List<String> row = List.of(rs.getString(1), rs.getString(2));
        assertThat(rs.next()).as("one row: " + sql).isFalse();
        return row;
      }
    }
  }
}
