package io.khoj4j.bootstrap.agent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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

/**
 * Administrators' shared agents through {@code /api/admin/agents}: created without a creator
 * ({@code managed_by_admin}), listed to every user and to anonymous callers when public, changed and deleted only by
 * administrators, while users get clean 403s on them (never 500s).
 */
@QuarkusTest
class AgentAdminIT {

  @Inject
  DataSource dataSource;

  private static Map<String, Object> body(String name, String privacy) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("persona", "Explain the house rules kindly.");
    body.put("privacy_level", privacy);
    body.put("icon", "Book");
    body.put("color", "green");
    body.put("chat_model", null);
    body.put("files", List.of());
    body.put("input_tools", List.of("notes"));
    body.put("output_modes", List.of());
    return body;
  }

  private static String createShared(TestUser admin, String name, String privacy) {
    return admin
        .request()
        .contentType(ContentType.JSON)
        .body(body(name, privacy))
        .when()
        .post("/api/admin/agents")
        .then()
        .statusCode(200)
        .body("managed_by_admin", equalTo(true))
        .body("creator", nullValue())
        .extract()
        .path("slug");
  }

  private long agentsNamed(String name) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select count(*) from agents where name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void aPublicSharedAgentIsListedToEveryoneAndUsersCannotChangeIt() {
    TestUser admin = TestUsers.createAdmin();
    TestUser bob = TestUsers.create();
    String slug = createShared(admin, "House rules " + UUID.randomUUID(), "public");

    bob.request().when().get("/api/agents").then().statusCode(200).body("slug", hasItem(slug));
    given().when().get("/api/agents").then().statusCode(200).body("slug", hasItem(slug));
    bob.request().when().post("/api/chat/sessions?agent_slug=" + slug).then().statusCode(200);

    Map<String, Object> edit = body("Bob's rules", "public");
    edit.put("slug", slug);
    bob.request()
        .contentType(ContentType.JSON)
        .body(edit)
        .when()
        .patch("/api/agents")
        .then()
        .statusCode(403)
        .body("error", equalTo("Only the agent's creator can change it."));
    bob.request().when().delete("/api/agents/" + slug).then().statusCode(403);
    admin
        .request()
        .contentType(ContentType.JSON)
        .body(edit)
        .when()
        .patch("/api/agents")
        .then()
        .statusCode(403);
    given()
        .when()
        .get("/api/agents/" + slug)
        .then()
        .statusCode(200)
        .body("persona", equalTo("Explain the house rules kindly."));
  }

  @Test
  void administratorsListChangeAndDeleteSharedAgentsOfEveryPrivacy() {
    TestUser admin = TestUsers.createAdmin();
    TestUser otherAdmin = TestUsers.createAdmin();
    String slug = createShared(admin, "Staff only " + UUID.randomUUID(), "private");

    TestUsers.create().request().when().get("/api/agents").then().body("slug", not(hasItem(slug)));
    otherAdmin
        .request()
        .when()
        .get("/api/admin/agents")
        .then()
        .statusCode(200)
        .body("slug", hasItem(slug))
        .body("slug", hasItem("khoj"));

    otherAdmin
        .request()
        .contentType(ContentType.JSON)
        .body(body("Staff handbook", "public"))
        .when()
        .patch("/api/admin/agents/" + slug)
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug))
        .body("name", equalTo("Staff handbook"))
        .body("managed_by_admin", equalTo(true));
    TestUsers.create().request().when().get("/api/agents").then().body("slug", hasItem(slug));

    admin
        .request()
        .when()
        .delete("/api/admin/agents/" + slug)
        .then()
        .statusCode(200)
        .body("message", equalTo("Agent deleted."));
    given().when().get("/api/agents/" + slug).then().statusCode(404);
    admin.request().when().delete("/api/admin/agents/" + slug).then().statusCode(404);
  }

  @Test
  void theDefaultAgentCanBeChangedByAdministratorsButNeverDeleted() {
    TestUser admin = TestUsers.createAdmin();
    admin
        .request()
        .when()
        .delete("/api/admin/agents/khoj")
        .then()
        .statusCode(403)
        .body("error", equalTo("The default agent cannot be deleted."));
    given().when().get("/api/agents/khoj").then().statusCode(200);
  }

  @Test
  void aUsersOwnAgentIsNotAnAdministratorsAgent() {
    TestUser admin = TestUsers.createAdmin();
    TestUser alice = TestUsers.create();
    String own = alice
        .request()
        .contentType(ContentType.JSON)
        .body(body("Alice's " + UUID.randomUUID(), "public"))
        .when()
        .post("/api/agents")
        .then()
        .statusCode(200)
        .extract()
        .path("slug");

    admin
        .request()
        .contentType(ContentType.JSON)
        .body(body("Taken over", "public"))
        .when()
        .patch("/api/admin/agents/" + own)
        .then()
        .statusCode(404);
    admin.request().when().delete("/api/admin/agents/" + own).then().statusCode(404);
    alice
        .request()
        .when()
        .get("/api/agents/" + own)
        .then()
        .statusCode(200)
        .body("managed_by_admin", equalTo(false));
  }

  @Test
  void badInputIsRefusedAndWritesNothing() throws Exception {
    TestUser admin = TestUsers.createAdmin();
    String name = "Bad " + UUID.randomUUID();
    Map<String, Object> unknownTool = body(name, "public");
    unknownTool.put("input_tools", List.of("teleport"));
    admin
        .request()
        .contentType(ContentType.JSON)
        .body(unknownTool)
        .when()
        .post("/api/admin/agents")
        .then()
        .statusCode(422);
    Map<String, Object> unknownModel = body(name, "public");
    unknownModel.put("chat_model", "no-such-model");
    admin
        .request()
        .contentType(ContentType.JSON)
        .body(unknownModel)
        .when()
        .post("/api/admin/agents")
        .then()
        .statusCode(400)
        .body("error", org.hamcrest.Matchers.notNullValue());
    admin
        .request()
        .contentType(ContentType.JSON)
        .body(body("x".repeat(201), "public"))
        .when()
        .post("/api/admin/agents")
        .then()
        .statusCode(400);
    Map<String, Object> noName = body(name, "public");
    noName.remove("name");
    admin
        .request()
        .contentType(ContentType.JSON)
        .body(noName)
        .when()
        .post("/api/admin/agents")
        .then()
        .statusCode(422);

    assertThat(agentsNamed(name)).isZero();
  }

  @Test
  void onlyAdministratorsReachTheRoutes() {
    TestUser bob = TestUsers.create();
    bob.request()
        .when()
        .get("/api/admin/agents")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    bob.request()
        .contentType(ContentType.JSON)
        .body(body("Mine now", "public"))
        .when()
        .post("/api/admin/agents")
        .then()
        .statusCode(403);
    bob.request().when().delete("/api/admin/agents/khoj").then().statusCode(403);
    given()
        .when()
        .get("/api/admin/agents")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
  }
}
