package io.khoj4j.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * There is no container engine on the build machines: the compose file is at least valid YAML of the shape
 * {@code docker compose} expects, its server is built from the JVM Dockerfile and waits for a healthy database, and
 * the optional services it documents are there to uncomment.
 */
class ComposeFileTest {

  private static final Path DOCKER = Path.of("..", "docker");

  private static JsonNode compose() throws Exception {
    return new ObjectMapper(new YAMLFactory())
        .readTree(DOCKER.resolve("docker-compose.yml").toFile());
  }

  @Test
  void serverIsBuiltFromTheJvmImageAndWaitsForAHealthyDatabase() throws Exception {
    JsonNode services = compose().path("services");
    List<String> names = new ArrayList<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyInAnyOrder("database", "server");

    JsonNode server = services.path("server");
    assertThat(server.path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile");
    assertThat(Files.exists(DOCKER.resolve("Dockerfile"))).isTrue();
    assertThat(server.path("depends_on").path("database").path("condition").asText())
        .isEqualTo("service_healthy");
    assertThat(server.path("ports").get(0).asText()).isEqualTo("42110:42110");
    assertThat(server.path("environment").path("POSTGRES_HOST").asText()).isEqualTo("database");

    JsonNode database = services.path("database");
    assertThat(database.path("image").asText()).startsWith("pgvector/pgvector:");
    assertThat(database.path("healthcheck").path("test").isArray()).isTrue();
    for (JsonNode service : List.of(server, database)) {
      for (JsonNode volume : service.path("volumes")) {
        String named = volume.asText().split(":")[0];
        assertThat(compose().path("volumes").has(named)).as(named).isTrue();
      }
    }
  }

  @Test
  void optionalSearxngAndModelServerAreCommentedIn() throws Exception {
    String text = Files.readString(DOCKER.resolve("docker-compose.yml"));
    assertThat(text)
        .contains("  # searxng:\n")
        .contains("  # model:\n")
        .contains("# KHOJ_SEARXNG_URL: http://searxng:8080")
        .contains("# OPENAI_BASE_URL: http://model:8080/v1");
  }

  @Test
  void nativeDockerfileBuildsWithQuarkusBuilderImageAndTheNativeProfile() throws Exception {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile.native"));
    assertThat(dockerfile)
        .contains("quay.io/quarkus/ubi9-quarkus-mandrel-builder-image")
        .contains("-Pnative");
  }
}
