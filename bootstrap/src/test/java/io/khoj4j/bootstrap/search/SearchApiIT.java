package io.khoj4j.bootstrap.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchApiIT {

  private static TestUser alice;
  private static TestUser bob;

  /** Indexed once for the class; in @BeforeEach because REST Assured's port is only set per test. */
  @BeforeEach
  void index() throws Exception {
    if (alice != null) {
      return;
    }
    alice = TestUsers.create();
    bob = TestUsers.create();
    Multipart notes = Multipart.files()
        .add(
            "/notes/tea.md",
            "text/markdown",
            "# Tea\nGreen tea ceremony in Kyoto with matcha whisk.\n")
        .add(
            "/notes/coffee.md",
            "text/markdown",
            "# Coffee\nEspresso beans roasting and grinding at home.\n")
        .add(
            "/notes/trip.md",
            "text/markdown",
            "# Trip\nFlight to Lisbon on 2024-03-05, hotel near the river.\n")
        .add(
            "/journal/2023.md",
            "text/markdown",
            "# Journal\nOn 12 June 2023 I planted tomatoes; tea later.\n")
        .add(
            "/org/garden.org",
            "text/org",
            "* Garden\nPlanting tomato seeds and basil in the garden beds.\n")
        .add(
            "/docs/paper.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            fixture("par-known-paragraphs.docx"))
        .add(
            "/notes/long.md",
            "text/markdown",
            "# Astronomy\n" + "Telescope observations of Jupiter moons. ".repeat(60) + "\n\n"
                + "Saturn rings seen through the telescope eyepiece. ".repeat(60));
    for (int i = 0; i < 14; i++) {
      notes.add(
          "/notes/recipe" + i + ".md",
          "text/markdown",
          "# Recipe " + i + "\nCooking pasta with sauce " + i);
    }
    alice
        .request()
        .contentType(notes.contentType())
        .body(notes.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
    Multipart bobs = Multipart.files()
        .add("/bob/secret.md", "text/markdown", "# Secret\nBob's zanzibar plans.\n");
    bob.request()
        .contentType(bobs.contentType())
        .body(bobs.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
  }

  private static byte[] fixture(String name) throws Exception {
    try (var in = SearchApiIT.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }

  private Response search(TestUser user, Map<String, ?> params) {
    return user.request().queryParams(params).get("/api/search");
  }

  private List<String> files(TestUser user, Map<String, ?> params) {
    return search(user, params).then().statusCode(200).extract().path("additional.file");
  }

  @Test
  void resultsHaveKhojsExactShape() {
    Response r = search(alice, Map.of("q", "green tea", "n", 1));

    r.then()
        .statusCode(200)
        .contentType("application/json")
        .body("$", hasSize(1))
        .body("[0]", hasKey("cross-score"))
        .body("[0].cross-score", nullValue())
        .body("[0].corpus-id", notNullValue())
        .body("[0].entry", equalTo("# Tea\nGreen tea ceremony in Kyoto with matcha whisk."))
        .body("[0].additional.source", equalTo("computer"))
        .body("[0].additional.file", equalTo("/notes/tea.md"))
        .body("[0].additional.uri", equalTo("file:///notes/tea.md#line=1"))
        .body(
            "[0].additional.compiled",
            equalTo("# /notes/tea.md\n## Tea\nGreen tea ceremony in Kyoto with matcha whisk."))
        .body("[0].additional.heading", equalTo("# /notes/tea.md\n## Tea"));
    Map<String, Object> first = r.jsonPath().getMap("[0]");
    assertThat(first.keySet())
        .containsExactly("entry", "score", "cross-score", "additional", "corpus-id");
    assertThat(((Number) first.get("score")).doubleValue()).isBetween(0.0, 1.0);
  }

  @Test
  void theMostRelevantNoteComesFirst() {
    assertThat(files(alice, Map.of("q", "espresso grinding")))
        .first()
        .isEqualTo("/notes/coffee.md");
    assertThat(files(alice, Map.of("q", "what did I plant in the garden")))
        .first()
        .isEqualTo("/org/garden.org");
  }

  @Test
  void nAboveTenIsHonoured() {
    search(alice, Map.of("q", "cooking pasta", "n", 15))
        .then()
        .statusCode(200)
        .body("$", hasSize(15));
  }

  @Test
  void wordFilters() {
    assertThat(files(alice, Map.of("q", "plants +\"tomatoes\"", "n", 20)))
        .containsExactly("/journal/2023.md");
    assertThat(files(alice, Map.of("q", "tea -\"kyoto\" +\"tea\"", "n", 20)))
        .containsExactly("/journal/2023.md");
  }

  @Test
  void fileFilters() {
    assertThat(files(alice, Map.of("q", "tomato file:\"*.org\"", "n", 20)))
        .containsExactly("/org/garden.org");
    assertThat(files(alice, Map.of("q", "tea file:\"tea.md\" file:\"journal/*\"", "n", 20)))
        .containsExactlyInAnyOrder("/notes/tea.md", "/journal/2023.md");
    assertThat(files(
            alice,
            Map.of("q", "planting -file:\"*.org\" -file:\"notes/*\" -file:\"docs/*\"", "n", 20)))
        .containsExactly("/journal/2023.md");
  }

  @Test
  void dateFilters() {
    assertThat(files(alice, Map.of("q", "travel dt>=\"2024-03-01\" dt<\"2024-04-01\"", "n", 20)))
        .containsExactly("/notes/trip.md");
    assertThat(files(alice, Map.of("q", "anything dt:\"March 2024\"", "n", 20)))
        .containsExactly("/notes/trip.md");
    assertThat(files(alice, Map.of("q", "anything dt:\"2023\"", "n", 20)))
        .containsExactly("/journal/2023.md");
    assertThat(files(alice, Map.of("q", "anything dt<\"2000\"", "n", 20))).isEmpty();
    assertThat(files(alice, Map.of("q", "anything dt>\"2025\" dt<\"2024\"", "n", 20)))
        .isEmpty();
  }

  @Test
  void filtersCombine() {
    assertThat(files(alice, Map.of("q", "notes +\"tea\" file:\"*.md\" dt:\"2023\"", "n", 20)))
        .containsExactly("/journal/2023.md");
    assertThat(files(alice, Map.of("q", "+\"tea\" -file:\"journal/*\"", "n", 20)))
        .containsExactly("/notes/tea.md");
  }

  @Test
  void typeParameter() {
    assertThat(files(alice, Map.of("q", "tomato", "t", "org", "n", 20)))
        .containsExactly("/org/garden.org");
    assertThat(files(alice, Map.of("q", "paragraph", "t", "docx", "n", 20)))
        .containsExactly("/docs/paper.docx");
    assertThat(files(alice, Map.of("q", "tea", "t", "pdf"))).isEmpty();
    assertThat(files(alice, Map.of("q", "tea", "t", "all", "n", 20))).hasSizeGreaterThan(3);
  }

  @Test
  void dedupeKeepsOneResultPerSection() {
    List<String> deduped =
        files(alice, Map.of("q", "telescope Jupiter Saturn", "n", 20, "t", "markdown"));
    List<String> all = files(
        alice,
        Map.of("q", "telescope Jupiter Saturn", "n", 20, "t", "markdown", "dedupe", "false"));

    assertThat(all.stream().filter("/notes/long.md"::equals).count()).isGreaterThan(1);
    assertThat(deduped.stream().filter("/notes/long.md"::equals).count()).isEqualTo(1);
  }

  @Test
  void maxDistanceCutsFarResults() {
    List<String> near = files(
        alice,
        Map.of(
            "q",
            "Green tea ceremony in Kyoto with matcha whisk.",
            "n",
            20,
            "max_distance",
            "0.15"));
    List<String> zero = files(alice, Map.of("q", "green tea", "n", 20, "max_distance", "0"));

    assertThat(near).contains("/notes/tea.md").doesNotContain("/notes/coffee.md");
    assertThat(zero).hasSizeGreaterThan(5);
  }

  @Test
  void rerankWithoutARerankerIsAcceptedAndChangesNothing() {
    search(alice, Map.of("q", "green tea", "r", "true", "n", 3))
        .then()
        .statusCode(200)
        .body("$", hasSize(3))
        .body("cross-score", everyItem(nullValue()));
  }

  @org.junit.jupiter.api.Tag("security")
  @Test
  void badInputIs422WithDetail() {
    alice
        .request()
        .get("/api/search")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "q"));
    // An empty or blank query finds nothing, as in Khoj (Obsidian's search box asks with q= when it
    // opens)
    search(alice, Map.of("q", "")).then().statusCode(200).body("size()", equalTo(0));
    search(alice, Map.of("q", "   ")).then().statusCode(200).body("size()", equalTo(0));
    search(alice, Map.of("q", "", "n", "0")).then().statusCode(422);
    search(alice, Map.of("q", "tea", "t", "spreadsheet"))
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "t"));
    for (String n : List.of("0", "-1", "abc", "100000", "2.5")) {
      search(alice, Map.of("q", "tea", "n", n))
          .then()
          .statusCode(422)
          .body("detail[0].loc", contains("query", "n"));
    }
    search(alice, Map.of("q", "tea", "max_distance", "far")).then().statusCode(422);
    search(alice, Map.of("q", "tea", "r", "maybe")).then().statusCode(422);
    search(alice, Map.of("q", "tea", "dedupe", "perhaps")).then().statusCode(422);
    search(alice, Map.of("q", "x".repeat(100_001))).then().statusCode(422);
    for (String far :
        List.of("9999999999 years ago", "99999999999 days ago", "12345678901234567890 days ago")) {
      search(alice, Map.of("q", "tea dt>=\"" + far + "\""))
          .then()
          .statusCode(422)
          .body("detail", org.hamcrest.Matchers.containsString("out of range"));
    }
  }

  @Test
  void hugeHostileOrMalformedQueriesNeverBreakTheServer() {
    search(alice, Map.of("q", "notes ".repeat(7_000))).then().statusCode(200);
    for (String q : List.of(
        "'; drop table entries; --",
        "file:\"(.*\" tea",
        "file:\"[\" -file:\"\\\\\"",
        "+\"%\" tea",
        "+\"_\" -\"%\"",
        "dt>\"'\" tea",
        "tea dt:\"31 February 2024\"",
        "file:\"" + "*".repeat(500) + "\"")) {
      search(alice, Map.of("q", q)).then().statusCode(200);
    }
    // a NUL cannot reach PostgreSQL in a text parameter: refused, naming the parameter
    search(alice, Map.of("q", "\u0000 tea"))
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "q"));
    files(alice, Map.of("q", "tea"));
  }

  @Test
  void searchNeedsCredentials() {
    given()
        .queryParam("q", "tea")
        .get("/api/search")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    given()
        .header("Authorization", "Bearer kk-wrong")
        .queryParam("q", "tea")
        .get("/api/search")
        .then()
        .statusCode(403);
  }

  @Test
  void oneUsersSearchNeverReturnsAnothersEntries() {
    assertThat(files(bob, Map.of("q", "green tea ceremony Kyoto", "n", 50)))
        .containsExactly("/bob/secret.md");
    search(bob, Map.of("q", "+\"kyoto\"")).then().body("$", empty());
    assertThat(files(alice, Map.of("q", "zanzibar plans", "n", 50)))
        .doesNotContain("/bob/secret.md");
    search(alice, Map.of("q", "+\"zanzibar\"")).then().body("$", empty());
  }
}
