package io.khoj4j.bootstrap.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/admin/web-scrapers}: administrators configure the page readers (keys sealed, never shown), bad input is
 * a 4xx that changes nothing, other users are refused, and chat's {@code /webpage} reads through the configured
 * scraper (a stubbed Firecrawl speaking its real wire format).
 */
@QuarkusTest
class WebScraperAdminIT {

  @Inject
  DataSource dataSource;

  private final WireMockServer firecrawl =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private TestUser admin;

  @BeforeEach
  void setUp() throws Exception {
    firecrawl.start();
    admin = TestUsers.createAdmin();
    clear();
  }

  @AfterEach
  void tearDown() throws Exception {
    firecrawl.stop();
    clear();
  }

  private void clear() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("delete from web_scrapers");
    }
  }

  private String create(Map<String, Object> body) {
    return admin
        .request()
        .contentType("application/json")
        .body(body)
        .post("/api/admin/web-scrapers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private int count() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from web_scrapers")) {
      r.next();
      return r.getInt(1);
    }
  }

  @Test
  void administratorsConfigureScrapersWhoseKeysAreSealedAndNeverShown() throws Exception {
    String fc = create(Map.of(
        "name", "firecrawl", "type", "Firecrawl", "api_key", "fc-secret-123", "priority", 2));
    create(Map.of("name", "direct", "type", "direct"));

    JsonNode list = ChatApiIT.json(admin
        .request()
        .get("/api/admin/web-scrapers")
        .then()
        .statusCode(200)
        .extract()
        .asString());
    assertThat(list).hasSize(2);
    assertThat(list.get(0).path("name").asText()).isEqualTo("firecrawl");
    assertThat(list.get(0).path("type").asText()).isEqualTo("Firecrawl");
    assertThat(list.get(0).path("has_api_key").asBoolean()).isTrue();
    assertThat(list.get(1).path("type").asText()).isEqualTo("Direct");
    assertThat(list.get(1).path("priority").asInt()).isEqualTo(3);
    assertThat(list.toString()).doesNotContain("fc-secret-123");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("select api_key_sealed from web_scrapers where name = 'firecrawl'")) {
      r.next();
      assertThat(r.getString(1)).isNotBlank().doesNotContain("fc-secret-123");
    }

    admin
        .request()
        .contentType("application/json")
        .body(Map.of(
            "name",
            "firecrawl self-hosted",
            "type",
            "Firecrawl",
            "api_url",
            "http://10.0.0.5:3002"))
        .put("/api/admin/web-scrapers/" + fc)
        .then()
        .statusCode(200);
    JsonNode changed = ChatApiIT.json(
        admin.request().get("/api/admin/web-scrapers").then().extract().asString());
    assertThat(changed.get(0).path("api_url").asText()).isEqualTo("http://10.0.0.5:3002");
    assertThat(changed.get(0).path("has_api_key").asBoolean())
        .as("the key was kept")
        .isTrue();

    admin.request().delete("/api/admin/web-scrapers/" + fc).then().statusCode(200);
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedAndChangesNothing() throws Exception {
    create(Map.of("name", "direct", "type", "Direct", "priority", 1));
    Map<Map<String, Object>, Integer> bad = new HashMap<>();
    bad.put(Map.of("type", "Direct"), 422);
    bad.put(Map.of("name", "x", "type", "Bing"), 422);
    bad.put(Map.of("name", "x"), 422);
    bad.put(Map.of("name", "x", "type", "Olostep"), 422); // a vendor needs a key
    bad.put(Map.of("name", "x", "type", "Exa", "api_key", "k", "api_url", "ftp://exa"), 422);
    bad.put(Map.of("name", "x", "type", "Direct", "priority", -1), 422);
    bad.put(Map.of("name", "direct", "type", "Direct"), 409);
    bad.put(Map.of("name", "y", "type", "Direct", "priority", 1), 409);
    bad.forEach((body, status) -> admin
        .request()
        .contentType("application/json")
        .body(body)
        .post("/api/admin/web-scrapers")
        .then()
        .statusCode(status)
        .body(containsString("detail")));
    admin
        .request()
        .contentType("application/json")
        .body(Map.of("name", "x", "type", "Direct"))
        .put("/api/admin/web-scrapers/00000000-0000-0000-0000-000000000000")
        .then()
        .statusCode(404);
    admin.request().delete("/api/admin/web-scrapers/not-a-uuid").then().statusCode(422);
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void onlyAdministratorsMayListOrChangeThem() throws Exception {
    TestUser bob = TestUsers.create();
    bob.request().get("/api/admin/web-scrapers").then().statusCode(403);
    bob.request()
        .contentType("application/json")
        .body(Map.of("name", "x", "type", "Direct"))
        .post("/api/admin/web-scrapers")
        .then()
        .statusCode(403);
    given().get("/api/admin/web-scrapers").then().statusCode(org.hamcrest.Matchers.oneOf(401, 403));
    assertThat(count()).isZero();
  }

  @Test
  void chatReadsPagesThroughTheConfiguredScraper() {
    FakeOpenAi openAi = new FakeOpenAi().start();
    try {
      openAi.configureAsDefault(admin);
      openAi.script("Sencha is steamed.", "Tea", "unused");
      firecrawl.stubFor(post(urlPathEqualTo("/v2/scrape"))
          .willReturn(aResponse()
              .withHeader("Content-Type", "application/json")
              .withBody(
                  "{\"success\":true,\"data\":{\"markdown\":\"# Sencha\\nSteamed green tea.\","
                      + "\"metadata\":{\"statusCode\":200}}}")));
      create(Map.of(
          "name", "firecrawl",
          "type", "Firecrawl",
          "api_key", "fc-key",
          "api_url", "http://127.0.0.1:" + firecrawl.port()));
      TestUser alice = TestUsers.create();

      String body = alice
          .request()
          .contentType("application/json")
          .body(Map.of("q", "/webpage https://tea.example/sencha what is it?", "stream", true))
          .post("/api/chat?client=test")
          .then()
          .statusCode(200)
          .extract()
          .asString();

      List<String> events = ChatApiIT.events(body);
      assertThat(String.join("", events))
          .contains("Steamed green tea.")
          .contains("Sencha is steamed.");
      firecrawl.verify(postRequestedFor(urlPathEqualTo("/v2/scrape"))
          .withHeader("Authorization", equalTo("Bearer fc-key")));
    } finally {
      FakeOpenAi.removeAllModels(admin);
      openAi.stop();
    }
  }
}
