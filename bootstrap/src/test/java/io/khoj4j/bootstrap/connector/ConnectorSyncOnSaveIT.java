package io.khoj4j.bootstrap.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.khoj4j.bootstrap.connector.ConnectorsIT.GhFile;
import io.khoj4j.bootstrap.testing.FakeVendors;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Saving connector settings starts a sync, as Khoj does for a Notion token (issue 19): nobody presses the sync
 * button here, yet the content arrives. Waiting polls for the outcome; nothing is asserted about how long it took.
 */
@QuarkusTest
@TestProfile(ConnectorSyncOnSaveIT.SyncOnSave.class)
class ConnectorSyncOnSaveIT {

  public static class SyncOnSave implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("khoj.connectors.sync-on-save", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(FakeVendors.class));
    }
  }

  @Test
  void savingGithubRepositoriesSyncsThem() throws InterruptedException {
    TestUser alice = TestUsers.create();
    String owner = "octo-" + UUID.randomUUID().toString().substring(0, 8);
    String token = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    ConnectorsIT.stubRepo(
        owner,
        "plums",
        token,
        List.of(new GhFile(
            "README.md",
            ConnectorsIT.sha(owner + "plum"),
            "# Plums\n\nThe plum tree needs pruning in summer.\n")));

    ConnectorsIT.saveGithub(alice, token, owner, "plums");

    String file = "https://github.com/" + owner + "/plums/blob/main/README.md";
    assertThat(awaitValue(() -> files(alice), names -> !names.isEmpty())).containsExactly(file);
    assertThat(awaitValue(() -> status(alice, "github"), "ok"::equals)).isEqualTo("ok");
  }

  @Test
  void savingANotionTokenSyncsTheWorkspace() throws InterruptedException {
    TestUser alice = TestUsers.create();
    String token = "secret_" + UUID.randomUUID().toString().replace("-", "");
    String page = UUID.randomUUID().toString();
    String url = "https://www.notion.so/Bees-" + page.replace("-", "");
    ConnectorsIT.vendor()
        .stubFor(post("/v1/search")
            .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
            .willReturn(okJson(ConnectorsIT.list(
                ConnectorsIT.page(page, "Bees", url, "2026-11-30T10:00:00.000Z", "title", "")))));
    ConnectorsIT.vendor()
        .stubFor(get("/v1/blocks/" + page + "/children?page_size=100")
            .willReturn(okJson(ConnectorsIT.list(ConnectorsIT.block(
                UUID.randomUUID().toString(), "paragraph", false, "The hive swarmed in May")))));

    alice
        .request()
        .contentType("application/json")
        .body(Map.of("token", token))
        .post("/api/content/notion")
        .then()
        .statusCode(200);

    assertThat(awaitValue(() -> files(alice), names -> !names.isEmpty())).containsExactly(url);
    assertThat(awaitValue(() -> status(alice, "notion"), "ok"::equals)).isEqualTo("ok");
  }

  private static List<String> files(TestUser user) {
    return user.request()
        .get("/api/content/files")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("files.file_name");
  }

  private static String status(TestUser user, String source) {
    return user.request()
        .queryParam("detailed", true)
        .get("/api/settings")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("content_sync." + source + ".status");
  }

  /** Polls until the value satisfies the condition (a sync in the background takes what it takes). */
  private static <T> T awaitValue(Supplier<T> value, java.util.function.Predicate<T> done)
      throws InterruptedException {
    T last = value.get();
    for (int i = 0; i < 1200 && !done.test(last); i++) {
      Thread.sleep(100);
      last = value.get();
    }
    return last;
  }
}
