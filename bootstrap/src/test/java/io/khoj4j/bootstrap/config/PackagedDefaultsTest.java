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
  void withAnEmptyEnvironmentTheServerListensOnLocalhost42110AndUsesTheLocalKhoj4jDatabase()
      throws Exception {
    SmallRyeConfig config = packaged("prod", Map.of());

    assertThat(config.getValue("quarkus.http.port", Integer.class)).isEqualTo(42110);
    assertThat(config.getValue("quarkus.http.host", String.class)).isEqualTo("127.0.0.1");
    assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
        .isEqualTo("jdbc:postgresql://localhost:5432/khoj4j");
    assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("khoj4j");
    assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("khoj4j");
  }

  @Test
  void bearerTokensMustNameThisServersClientIdUnlessAudiencesAreListed() throws Exception {
    Map<String, String> provider = Map.of(
        "QUARKUS_OIDC_AUTH_SERVER_URL", "https://id.example.org/realms/home",
        "QUARKUS_OIDC_CLIENT_ID", "khoj-web");

    assertThat(packaged("prod", provider).getValue("quarkus.oidc.token.audience", String.class))
        .isEqualTo("khoj-web");
    Map<String, String> listed = new java.util.HashMap<>(provider);
    listed.put("KHOJ_OIDC_AUDIENCE", "khoj-web,khoj4j-cli");
    assertThat(packaged("prod", listed).getValues("quarkus.oidc.token.audience", String.class))
        .containsExactly("khoj-web", "khoj4j-cli");
  }

  @Test
  void khojsElevenLabsKeyTurnsOnReadAloudAndMemoriesAreOnByDefault() throws Exception {
    SmallRyeConfig config = packaged("prod", Map.of("ELEVEN_LABS_API_KEY", "xi-123"));

    assertThat(config.getValue("khoj.text-to-speech.api-key", String.class)).isEqualTo("xi-123");
    assertThat(config.getOptionalValue("khoj.speech-to-text.base-url", String.class))
        .isEmpty();
    assertThat(config.getValue("khoj.memory.mode", String.class)).isEqualTo("enabled_default_on");
    assertThat(packaged("prod", Map.of())
            .getOptionalValue("khoj.text-to-speech.api-key", String.class))
        .isEmpty();
  }

  @Test
  void khojsPostgresVariablesFeedTheDatasource() throws Exception {
    SmallRyeConfig config = packaged(
        "prod",
        Map.of(
            "POSTGRES_HOST",
            "db.internal",
            "POSTGRES_PORT",
            "6543",
            "POSTGRES_DB",
            "notes",
            "POSTGRES_USER",
            "khoj",
            "POSTGRES_PASSWORD",
            "s3cret"));

    assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
        .isEqualTo("jdbc:postgresql://db.internal:6543/notes");
    assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("khoj");
    assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("s3cret");
  }

  @Test
  void khojsWebToolVariablesConfigureSearchReadersAndTheFetcher() throws Exception {
    SmallRyeConfig empty = packaged("prod", Map.of());
    assertThat(empty.getOptionalValue("khoj.web.serper.api-key", String.class)).isEmpty();
    assertThat(empty.getOptionalValue("khoj.web.searxng-url", String.class)).isEmpty();
    assertThat(empty.getOptionalValue("khoj.web.fetch.allow", String.class)).isEmpty();
    assertThat(empty.getValue("khoj.web.exa.url", String.class)).isEqualTo("https://api.exa.ai");
    assertThat(empty.getValue("khoj.web.auto-read-webpage", Boolean.class)).isFalse();
    assertThat(empty.getValue("khoj.web.direct-reader", Boolean.class)).isTrue();

    SmallRyeConfig config = packaged(
        "prod",
        Map.ofEntries(
            Map.entry("SERPER_DEV_API_KEY", "serper"), Map.entry("EXA_API_KEY", "exa"),
            Map.entry("EXA_API_URL", "http://exa.internal"), Map.entry("FIRECRAWL_API_KEY", "fc"),
            Map.entry("FIRECRAWL_API_URL", "http://fc.internal"),
                Map.entry("GOOGLE_SEARCH_API_KEY", "g"),
            Map.entry("GOOGLE_SEARCH_ENGINE_ID", "cx"),
                Map.entry("KHOJ_SEARXNG_URL", "http://searx:8080"),
            Map.entry("OLOSTEP_API_KEY", "ol"), Map.entry("OLOSTEP_API_URL", "http://ol.internal"),
            Map.entry("KHOJ_AUTO_READ_WEBPAGE", "true"),
                Map.entry("KHOJ_WEB_FETCH_ALLOW", "10.0.0.0/8,wiki.corp")));
    assertThat(config.getValue("khoj.web.serper.api-key", String.class)).isEqualTo("serper");
    assertThat(config.getValue("khoj.web.exa.api-key", String.class)).isEqualTo("exa");
    assertThat(config.getValue("khoj.web.exa.url", String.class)).isEqualTo("http://exa.internal");
    assertThat(config.getValue("khoj.web.firecrawl.api-key", String.class)).isEqualTo("fc");
    assertThat(config.getValue("khoj.web.firecrawl.url", String.class))
        .isEqualTo("http://fc.internal");
    assertThat(config.getValue("khoj.web.google.api-key", String.class)).isEqualTo("g");
    assertThat(config.getValue("khoj.web.google-engine-id", String.class)).isEqualTo("cx");
    assertThat(config.getValue("khoj.web.searxng-url", String.class))
        .isEqualTo("http://searx:8080");
    assertThat(config.getValue("khoj.web.olostep.api-key", String.class)).isEqualTo("ol");
    assertThat(config.getValue("khoj.web.olostep.url", String.class))
        .isEqualTo("http://ol.internal");
    assertThat(config.getValue("khoj.web.auto-read-webpage", Boolean.class)).isTrue();
    assertThat(config.getValues("khoj.web.fetch.allow", String.class))
        .containsExactly("10.0.0.0/8", "wiki.corp");
  }

  @Test
  void khojsHostAndPortVariablesMoveTheServer() throws Exception {
    SmallRyeConfig config = packaged("prod", Map.of("KHOJ_HOST", "0.0.0.0", "KHOJ_PORT", "8080"));

    assertThat(config.getValue("quarkus.http.host", String.class)).isEqualTo("0.0.0.0");
    assertThat(config.getValue("quarkus.http.port", Integer.class)).isEqualTo(8080);
  }

  @Test
  void quarkusOwnVariablesWinOverKhojs() throws Exception {
    SmallRyeConfig config = packaged(
        "prod",
        Map.of(
            "KHOJ_PORT",
            "8080",
            "QUARKUS_HTTP_PORT",
            "9090",
            "POSTGRES_HOST",
            "db.internal",
            "QUARKUS_DATASOURCE_JDBC_URL",
            "jdbc:postgresql://pg:5432/other"));

    assertThat(config.getValue("quarkus.http.port", Integer.class)).isEqualTo(9090);
    assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
        .isEqualTo("jdbc:postgresql://pg:5432/other");
  }

  @Test
  void theTestSuiteUsesItsOwnDatabaseOnTheSameServer() throws Exception {
    SmallRyeConfig config =
        packaged("test", Map.of("POSTGRES_HOST", "db.internal", "KHOJ4J_TEST_DB", "khoj4j_test_x"));

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
    Path classes = Path.of(UseCaseProducers.class
        .getProtectionDomain()
        .getCodeSource()
        .getLocation()
        .toURI());
    Path file = classes.resolve("application.properties");
    assertThat(file).exists();
    return file.toUri().toURL();
  }
}
