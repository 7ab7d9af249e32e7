package io.khoj4j.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.bootstrap.UseCaseProducers;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The defaults the packaged server starts with, read the way Quarkus reads them: the application.properties that is
 * packaged (this module's classes directory), under an environment given here, with the environment winning (ordinal
 * 300 over the file's 250). Khoj's own variables (KHOJ_HOST, KHOJ_PORT, POSTGRES_*) must carry over.
 */
class PackagedDefaultsTest {

  @Test
  void withAnEmptyEnvironmentTheServerListensOnLocalhost42110AndUsesTheLocalKhoj4jDatabase() throws Exception {
    SmallRyeConfig config = packaged("prod", Map.of());

    assertThat(config.getValue("quarkus.http.port", Integer.class)).isEqualTo(42110);
    assertThat(config.getValue("quarkus.http.host", String.class)).isEqualTo("127.0.0.1");
    assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
        .isEqualTo("jdbc:postgresql://localhost:5432/khoj4j");
    assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("khoj4j");
    assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("khoj4j");
  }

  @Test
  void khojsElevenLabsKeyTurnsOnReadAloudAndMemoriesAreOnByDefault() throws Exception {
    SmallRyeConfig config = packaged("prod", Map.of("ELEVEN_LABS_API_KEY", "xi-123"));

    assertThat(config.getValue("khoj.text-to-speech.api-key", String.class)).isEqualTo("xi-123");
    assertThat(config.getOptionalValue("khoj.speech-to-text.base-url", String.class)).isEmpty();
    assertThat(config.getValue("khoj.memory.mode", String.class)).isEqualTo("enabled_default_on");
    assertThat(packaged("prod", Map.of()).getOptionalValue("khoj.text-to-speech.api-key", String.class)).isEmpty();
  }

  @Test
  void khojsPostgresVariablesFeedTheDatasource() throws Exception {
    SmallRyeConfig config = packaged("prod", Map.of(
        "POSTGRES_HOST", "db.internal", "POSTGRES_PORT", "6543", "POSTGRES_DB", "notes",
        "POSTGRES_USER", "khoj", "POSTGRES_PASSWORD", "s3cret"));

    assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
        .isEqualTo("jdbc:postgresql://db.internal:6543/notes");
    assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("khoj");
    assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("s3cret");
  }

  @Test
  void khojsHostAndPortVariablesMoveTheServer() throws Exception {
    SmallRyeConfig config = packaged("prod", Map.of("KHOJ_HOST", "0.0.0.0", "KHOJ_PORT", "8080"));

    assertThat(config.getValue("quarkus.http.host", String.class)).isEqualTo("0.0.0.0");
    assertThat(config.getValue("quarkus.http.port", Integer.class)).isEqualTo(8080);
  }

  @Test
  void quarkusOwnVariablesWinOverKhojs() throws Exception {
    SmallRyeConfig config = packaged("prod", Map.of(
        "KHOJ_PORT", "8080", "QUARKUS_HTTP_PORT", "9090",
        "POSTGRES_HOST", "db.internal", "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://pg:5432/other"));

    assertThat(config.getValue("quarkus.http.port", Integer.class)).isEqualTo(9090);
    assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
        .isEqualTo("jdbc:postgresql://pg:5432/other");
  }

  @Test
  void theTestSuiteUsesItsOwnDatabaseOnTheSameServer() throws Exception {
    SmallRyeConfig config = packaged("test", Map.of("POSTGRES_HOST", "db.internal", "KHOJ4J_TEST_DB", "khoj4j_test_x"));

    assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
        .isEqualTo("jdbc:postgresql://db.internal:5432/khoj4j_test_x");
    assertThat(config.getValue("quarkus.http.port", Integer.class)).isEqualTo(42110);
  }

  private static SmallRyeConfig packaged(String profile, Map<String, String> environment)
      throws IOException, URISyntaxException {
    return new SmallRyeConfigBuilder()
        .withProfile(profile)
        .addDefaultInterceptors()
        .withSources(new PropertiesConfigSource(packagedProperties(), 250))
        .withSources(new EnvConfigSource(environment, 300))
        .build();
  }

  /** The file packaged with the server, not a copy: next to the bootstrap module's own classes. */
  private static URL packagedProperties() throws URISyntaxException, IOException {
    Path classes = Path.of(UseCaseProducers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path file = classes.resolve("application.properties");
    assertThat(file).exists();
    return file.toUri().toURL();
  }
}
