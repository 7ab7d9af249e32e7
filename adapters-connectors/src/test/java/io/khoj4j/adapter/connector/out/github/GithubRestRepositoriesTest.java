package io.khoj4j.adapter.connector.out.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.khoj4j.adapter.connector.out.http.RateLimitedHttp;
import io.khoj4j.application.port.out.connector.ConnectorException;
import io.khoj4j.application.port.out.connector.GithubRepositories.TreeFile;
import io.khoj4j.domain.connector.GithubRepo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GitHub adapter against stubs replaying GitHub's REST answers: trees, blobs, errors and rate limits. */
class GithubRestRepositoriesTest {

  static final Instant NOW = Instant.parse("2026-12-04T22:00:00Z");
  static final String TREES = "/repos/octo/notes/git/trees/";
  static final GithubRepo REPO = new GithubRepo("octo", "notes", "main");
  static final String SHA_README = "a".repeat(40);
  static final String SHA_GUIDE = "b".repeat(40);
  static final String SHA_DOCS = "c".repeat(40);

  static WireMockServer server;
  final List<Duration> pauses = new ArrayList<>();
  GithubRestRepositories github;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    pauses.clear();
    RateLimitedHttp http = new RateLimitedHttp(
        "GitHub",
        Duration.ofSeconds(2),
        Duration.ofSeconds(90),
        Duration.ZERO,
        3,
        pauses::add,
        Clock.fixed(NOW, ZoneOffset.UTC));
    github = new GithubRestRepositories(URI.create(server.baseUrl()), http, Duration.ofSeconds(5));
  }

  /** GitHub's answer to {@code GET /repos/{owner}/{repo}/git/trees/{tree}}, shortened to the fields it always has. */
  static String tree(String sha, boolean truncated, String... items) {
    return """
        {"sha":"%s","url":"https://api.github.com/repos/octo/notes/git/trees/%s","tree":[%s],"truncated":%s}
        """.formatted(sha, sha, String.join(",", items), truncated);
  }

  static String blob(String path, String sha, long size) {
    return """
        {"path":"%s","mode":"100644","type":"blob","sha":"%s","size":%d,
         "url":"https://api.github.com/repos/octo/notes/git/blobs/%s"}""".formatted(path, sha, size, sha);
  }

  static String subtree(String path, String sha) {
    return """
        {"path":"%s","mode":"040000","type":"tree","sha":"%s",
         "url":"https://api.github.com/repos/octo/notes/git/trees/%s"}""".formatted(path, sha, sha);
  }

  @Test
  void listsEveryBlobOfTheRecursiveTreeWithItsShaAndSendsTheToken() {
    server.stubFor(get(TREES + "main?recursive=1")
        .willReturn(okJson(tree(
            "f".repeat(40),
            false,
            blob("README.md", SHA_README, 120),
            subtree("docs", SHA_DOCS),
            blob("docs/guide.org", SHA_GUIDE, 3400),
            """
        {"path":"vendor/lib","mode":"160000","type":"commit","sha":"%s"}""".formatted("d".repeat(40))))));

    List<TreeFile> files = github.files(Optional.of("ghp_secret"), REPO);

    assertThat(files)
        .containsExactly(
            new TreeFile("README.md", SHA_README, 120),
            new TreeFile("docs/guide.org", SHA_GUIDE, 3400));
    server.verify(getRequestedFor(urlEqualTo(TREES + "main?recursive=1"))
        .withHeader("Authorization", equalTo("Bearer ghp_secret"))
        .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));
  }

  @Test
  void withoutATokenNoAuthorizationIsSent() {
    server.stubFor(get(TREES + "main?recursive=1").willReturn(okJson(tree("f".repeat(40), false))));

    assertThat(github.files(Optional.empty(), REPO)).isEmpty();
    assertThat(server
            .findAll(getRequestedFor(urlEqualTo(TREES + "main?recursive=1")))
            .getFirst()
            .containsHeader("Authorization"))
        .isFalse();
  }

  @Test
  void aTruncatedTreeIsCompletedSubtreeBySubtree() {
    server.stubFor(get(TREES + "main?recursive=1")
        .willReturn(okJson(tree("f".repeat(40), true, blob("README.md", SHA_README, 10)))));
    server.stubFor(get(TREES + "main")
        .willReturn(okJson(tree(
            "f".repeat(40), false, blob("README.md", SHA_README, 10), subtree("docs", SHA_DOCS)))));
    server.stubFor(get(TREES + SHA_DOCS + "?recursive=1")
        .willReturn(okJson(tree(
            SHA_DOCS,
            false,
            blob("guide.org", SHA_GUIDE, 20),
            subtree("deep", "e".repeat(40)),
            blob("deep/x.txt", "1".repeat(40), 5)))));

    assertThat(github.files(Optional.empty(), REPO))
        .containsExactly(
            new TreeFile("README.md", SHA_README, 10),
            new TreeFile("docs/guide.org", SHA_GUIDE, 20),
            new TreeFile("docs/deep/x.txt", "1".repeat(40), 5));
  }

  @Test
  void aTwoThousandFileTreeIsListedWhole() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      items.add(blob("src/file" + i + ".md", "%040x".formatted(i + 1), 100));
    }
    server.stubFor(get(TREES + "main?recursive=1")
        .willReturn(okJson(tree("f".repeat(40), false, items.toArray(String[]::new)))));

    assertThat(github.files(Optional.empty(), REPO)).hasSize(2000);
  }

  @Test
  void aBlobIsReadRaw() {
    server.stubFor(get("/repos/octo/notes/git/blobs/" + SHA_README)
        .withHeader("Accept", equalTo("application/vnd.github.raw+json"))
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/vnd.github.raw")
            .withBody("# Notes\n\nhello")));

    assertThat(new String(github.blob(Optional.of("t"), REPO, SHA_README), StandardCharsets.UTF_8))
        .isEqualTo("# Notes\n\nhello");
  }

  @Test
  void badCredentialsAreUnauthorized() {
    server.stubFor(get(TREES + "main?recursive=1")
        .willReturn(aResponse()
            .withStatus(401)
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(
                "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\","
                    + "\"status\":\"401\"}")));

    assertThatThrownBy(() -> github.files(Optional.of("revoked"), REPO))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAUTHORIZED));
  }

  @Test
  void anUnknownRepositoryOrBranchIsNotFound() {
    server.stubFor(get(TREES + "main?recursive=1")
        .willReturn(aResponse()
            .withStatus(404)
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody("{\"message\":\"Not Found\",\"documentation_url\":"
                + "\"https://docs.github.com/rest/git/trees#get-a-tree\",\"status\":\"404\"}")));

    assertThatThrownBy(() -> github.files(Optional.empty(), REPO))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.NOT_FOUND));
  }

  @Test
  void anEmptyRepositoryHasNoFiles() {
    server.stubFor(get(TREES + "main?recursive=1")
        .willReturn(aResponse()
            .withStatus(409)
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody("{\"message\":\"Git Repository is empty.\",\"status\":\"409\"}")));

    assertThat(github.files(Optional.empty(), REPO)).isEmpty();
  }

  @Test
  void aPrimaryRateLimitFarAwayIsReportedWithItsResetTime() {
    long reset = NOW.plusSeconds(3000).getEpochSecond();
    server.stubFor(
        get(TREES + "main?recursive=1")
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("X-RateLimit-Limit", "60")
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Used", "60")
                    .withHeader("X-RateLimit-Reset", Long.toString(reset))
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(
                        "{\"message\":\"API rate limit exceeded for 203.0.113.7.\",\"documentation_url\":"
                            + "\"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting\"}")));

    assertThatThrownBy(() -> github.files(Optional.empty(), REPO))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          assertThat(e.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
          assertThat(e.retryAt()).contains(Instant.ofEpochSecond(reset));
        });
    assertThat(pauses).isEmpty();
    server.verify(1, getRequestedFor(urlEqualTo(TREES + "main?recursive=1")));
  }

  @Test
  void aSecondaryRateLimitIsWaitedOutPerRetryAfterThenRetried() {
    server.stubFor(get(TREES + "main?recursive=1")
        .inScenario("limit")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse()
            .withStatus(403)
            .withHeader("Retry-After", "30")
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you "
                    + "try again.\"}"))
        .willSetStateTo("open"));
    server.stubFor(get(TREES + "main?recursive=1")
        .inScenario("limit")
        .whenScenarioStateIs("open")
        .willReturn(okJson(tree("f".repeat(40), false, blob("a.md", SHA_README, 1)))));

    assertThat(github.files(Optional.empty(), REPO)).hasSize(1);
    assertThat(pauses).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void a429WithoutHeadersWaitsAMinute() {
    server.stubFor(get(TREES + "main?recursive=1")
        .inScenario("429")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429))
        .willSetStateTo("open"));
    server.stubFor(get(TREES + "main?recursive=1")
        .inScenario("429")
        .whenScenarioStateIs("open")
        .willReturn(okJson(tree("f".repeat(40), false))));

    assertThat(github.files(Optional.empty(), REPO)).isEmpty();
    assertThat(pauses).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void a403WithoutRateLimitMeansTheTokenMayNotReadThisRepository() {
    server.stubFor(get(TREES + "main?recursive=1")
        .willReturn(aResponse()
            .withStatus(403)
            .withHeader("X-RateLimit-Remaining", "4999")
            .withBody("{\"message\":\"Resource not accessible by personal access token\"}")));

    assertThatThrownBy(() -> github.files(Optional.of("fine-grained"), REPO))
        .isInstanceOfSatisfying(ConnectorException.class, e -> {
          // this repository's, not the token's: the sync reports it and goes on with the others
          assertThat(e.kind()).isEqualTo(ConnectorException.Kind.NOT_FOUND);
          assertThat(e.getMessage()).contains("Resource not accessible by personal access token");
        });
  }

  @Test
  void aServerErrorIsRetriedThenReported() {
    server.stubFor(get(TREES + "main?recursive=1")
        .inScenario("5xx")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(502))
        .willSetStateTo("up"));
    server.stubFor(get(TREES + "main?recursive=1")
        .inScenario("5xx")
        .whenScenarioStateIs("up")
        .willReturn(okJson(tree("f".repeat(40), false))));
    assertThat(github.files(Optional.empty(), REPO)).isEmpty();

    server.resetAll();
    server.stubFor(get(TREES + "main?recursive=1").willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> github.files(Optional.empty(), REPO))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE));
    server.verify(3, getRequestedFor(urlEqualTo(TREES + "main?recursive=1")));
  }

  @Test
  void aBrokenConnectionIsUnavailable() {
    server.stubFor(get(TREES + "main?recursive=1")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> github.files(Optional.empty(), REPO))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE));
  }

  @Test
  void aMalformedBodyIsReportedNotGuessed() {
    server.stubFor(get(TREES + "main?recursive=1")
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"sha\":\"x\",\"tree\":")));
    assertThatThrownBy(() -> github.files(Optional.empty(), REPO))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));

    server.stubFor(
        get(TREES + "main?recursive=1").willReturn(okJson("{\"sha\":\"x\",\"truncated\":false}")));
    assertThatThrownBy(() -> github.files(Optional.empty(), REPO))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));
  }
}
