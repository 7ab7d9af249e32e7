package io.khoj4j.bootstrap.agent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgentApiIT {

  @Inject
  DataSource dataSource;

  private static Map<String, Object> body(String name, String privacy) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("persona", "Answer like a patient tutor.");
    body.put("privacy_level", privacy);
    body.put("icon", "Student");
    body.put("color", "blue");
    body.put("chat_model", null);
    body.put("files", List.of());
    body.put("input_tools", List.of("notes", "online"));
    body.put("output_modes", List.of("diagram"));
    return body;
  }

  private static String create(TestUser user, String name, String privacy) {
    return user.request()
        .contentType(ContentType.JSON)
        .body(body(name, privacy))
        .when()
        .post("/api/agents")
        .then()
        .statusCode(200)
        .extract()
        .path("slug");
  }

  private long agentsOf(TestUser user) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "select count(*) from agents a join users u on u.id = a.creator_id where u.email = ?")) {
      s.setString(1, user.email());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void aCreatedAgentIsReturnedListedAndReadableWithKhojsFields() {
    TestUser alice = TestUsers.create();

    String slug = alice
        .request()
        .contentType(ContentType.JSON)
        .body(body("Math Tutor", "private"))
        .when()
        .post("/api/agents")
        .then()
        .statusCode(200)
        .body("slug", matchesPattern("math-tutor-\\d{6}"))
        .body("name", equalTo("Math Tutor"))
        .body("persona", equalTo("Answer like a patient tutor."))
        .body("privacy_level", equalTo("private"))
        .body("managed_by_admin", equalTo(false))
        .body("input_tools", containsInAnyOrder("notes", "online"))
        .body("output_modes", containsInAnyOrder("diagram"))
        .body("color", equalTo("blue"))
        .body("icon", equalTo("Student"))
        .extract()
        .path("slug");

    alice
        .request()
        .when()
        .get("/api/agents")
        .then()
        .statusCode(200)
        .body("[0].slug", equalTo("khoj"))
        .body("[0].managed_by_admin", equalTo(true))
        .body("slug", hasItem(slug));
    alice
        .request()
        .when()
        .get("/api/agents/" + slug.toUpperCase())
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug))
        .body("creator", notNullValue());
  }

  @Test
  void theDefaultAgentIsListedToAnonymousCallersAndCannotBeDeletedOrEdited() throws Exception {
    TestUser alice = TestUsers.create();
    given()
        .when()
        .get("/api/agents")
        .then()
        .statusCode(200)
        .body("[0].slug", equalTo("khoj"))
        .body("[0].creator", nullValue());
    given().when().get("/api/agents/khoj").then().statusCode(200).body("name", equalTo("Khoj"));

    alice
        .request()
        .when()
        .delete("/api/agents/khoj")
        .then()
        .statusCode(403)
        .body("error", notNullValue());
    Map<String, Object> edit = body("Not Khoj", "public");
    edit.put("slug", "khoj");
    alice
        .request()
        .contentType(ContentType.JSON)
        .body(edit)
        .when()
        .patch("/api/agents")
        .then()
        .statusCode(403)
        .body("error", notNullValue());
    given().when().get("/api/agents/khoj").then().statusCode(200).body("name", equalTo("Khoj"));
  }

  @Test
  void renamingKeepsTheSlug() {
    TestUser alice = TestUsers.create();
    String slug = create(alice, "Tutor " + UUID.randomUUID(), "private");
    Map<String, Object> edit = body("Physics tutor", "protected");
    edit.put("slug", slug);

    alice
        .request()
        .contentType(ContentType.JSON)
        .body(edit)
        .when()
        .patch("/api/agents")
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug))
        .body("name", equalTo("Physics tutor"))
        .body("privacy_level", equalTo("protected"));
    alice
        .request()
        .when()
        .get("/api/agents/" + slug)
        .then()
        .statusCode(200)
        .body("name", equalTo("Physics tutor"));
  }

  @Test
  void theCreatorDeletesTheirAgent() {
    TestUser alice = TestUsers.create();
    String slug = create(alice, "Short lived", "private");

    alice
        .request()
        .when()
        .delete("/api/agents/" + slug)
        .then()
        .statusCode(200)
        .body("message", equalTo("Agent deleted."));
    alice
        .request()
        .when()
        .get("/api/agents/" + slug)
        .then()
        .statusCode(404)
        .body("error", equalTo("Agent with name " + slug + " not found."));
  }

  @Test
  void optionsNameKhojsToolsAndModes() {
    given()
        .when()
        .get("/api/agents/options")
        .then()
        .statusCode(200)
        .body(
            "input_tools.keySet()",
            containsInAnyOrder("general", "online", "notes", "webpage", "code"))
        .body("output_modes.keySet()", containsInAnyOrder("image", "diagram"));
  }

  @Test
  void badInputIsRefusedWithJsonAndNothingIsWritten() throws Exception {
    TestUser alice = TestUsers.create();
    Map<String, Object> unknownTool = body("Tools", "private");
    unknownTool.put("input_tools", List.of("telepathy"));
    Map<String, Object> unknownMode = body("Modes", "private");
    unknownMode.put("output_modes", List.of("video"));
    Map<String, Object> missingName = body("x", "private");
    missingName.remove("name");
    Map<String, Object> badPrivacy = body("Privacy", "secret");
    Map<String, Object> unknownModel = body("Model", "private");
    unknownModel.put("chat_model", "no-such-model");

    Map<String, Object> longColor = body("Color", "private");
    longColor.put("color", "c".repeat(33)); // over what the store keeps: was a 500
    Map<String, Object> longIcon = body("Icon", "private");
    longIcon.put("icon", "i".repeat(65));

    for (Map<String, Object> bad :
        List.of(unknownTool, unknownMode, missingName, badPrivacy, longColor, longIcon)) {
      alice
          .request()
          .contentType(ContentType.JSON)
          .body(bad)
          .when()
          .post("/api/agents")
          .then()
          .statusCode(422)
          .contentType(ContentType.JSON);
    }
    alice
        .request()
        .contentType(ContentType.JSON)
        .body(body("n".repeat(201), "private"))
        .when()
        .post("/api/agents")
        .then()
        .statusCode(400)
        .body("error", notNullValue());
    alice
        .request()
        .contentType(ContentType.JSON)
        .body(unknownModel)
        .when()
        .post("/api/agents")
        .then()
        .statusCode(400)
        .body("error", equalTo("Chat model no-such-model is not available."));

    assertThat(agentsOf(alice)).isZero();
  }

  @Test
  void aDuplicateNameIsRefused() throws Exception {
    TestUser alice = TestUsers.create();
    create(alice, "Twin", "private");

    alice
        .request()
        .contentType(ContentType.JSON)
        .body(body("Twin", "private"))
        .when()
        .post("/api/agents")
        .then()
        .statusCode(400)
        .body("error", equalTo("A private Agent with the name Twin already exists."));
    assertThat(agentsOf(alice)).isEqualTo(1);
  }

  @Test
  void writingNeedsAuthentication() {
    given()
        .contentType(ContentType.JSON)
        .body(body("Anon", "public"))
        .when()
        .post("/api/agents")
        .then()
        .statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body(body("Anon", "public"))
        .when()
        .patch("/api/agents")
        .then()
        .statusCode(403);
    given().when().delete("/api/agents/khoj").then().statusCode(403);
  }

  @Test
  void anotherUsersPrivateAgentIsNotFoundAndTheirPublicOneCannotBeChanged() throws Exception {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String secret = create(alice, "Secret", "private");
    String open = create(alice, "Open " + UUID.randomUUID(), "public");
    String linked = create(alice, "Linked", "protected");

    bob.request()
        .when()
        .get("/api/agents")
        .then()
        .statusCode(200)
        .body("slug", not(hasItem(secret)))
        .body("slug", not(hasItem(open)))
        .body("slug", not(hasItem(linked)));
    bob.request()
        .when()
        .get("/api/agents/" + secret)
        .then()
        .statusCode(404)
        .body("error", notNullValue());
    given().when().get("/api/agents/" + secret).then().statusCode(404);
    bob.request()
        .when()
        .get("/api/agents/" + linked)
        .then()
        .statusCode(200)
        .body("creator", nullValue());
    bob.request().when().get("/api/agents/" + open).then().statusCode(200);

    Map<String, Object> edit = body("Hijacked", "public");
    edit.put("slug", secret);
    bob.request()
        .contentType(ContentType.JSON)
        .body(edit)
        .when()
        .patch("/api/agents")
        .then()
        .statusCode(404);
    edit.put("slug", open);
    bob.request()
        .contentType(ContentType.JSON)
        .body(edit)
        .when()
        .patch("/api/agents")
        .then()
        .statusCode(403);
    bob.request().when().delete("/api/agents/" + secret).then().statusCode(404);
    bob.request().when().delete("/api/agents/" + open).then().statusCode(403);

    assertThat(agentsOf(alice)).isEqualTo(3);
    alice
        .request()
        .when()
        .get("/api/agents/" + secret)
        .then()
        .statusCode(200)
        .body("name", equalTo("Secret"));
    alice
        .request()
        .when()
        .get("/api/agents/" + open)
        .then()
        .statusCode(200)
        .body("name", not(equalTo("Hijacked")));
  }
}
