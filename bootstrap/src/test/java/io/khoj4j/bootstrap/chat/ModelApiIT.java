package io.khoj4j.bootstrap.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelApiIT {

  @Inject
  DataSource dataSource;

  private long model(TestUser admin, String api, String name) {
    return Long.parseLong(admin.created(
        "/api/admin/chat-models",
        Map.of(
            "name",
            name,
            "friendly_name",
            name.toUpperCase(),
            "model_type",
            "openai",
            "ai_model_api_id",
            api,
            "strengths",
            "fast",
            "description",
            "a model")));
  }

  @Test
  void usersPickAModelAndTheChoiceIsTheirs() {
    TestUser admin = TestUsers.createAdmin();
    FakeOpenAi.removeAllModels(admin);
    String api = admin
        .request()
        .contentType("application/json")
        .body(Map.of(
            "name",
            "local",
            "base_url",
            "http://localhost:11434/v1",
            "api_key",
            "sk-secret-value-123"))
        .post("/api/admin/model-apis")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
    long a = model(admin, api, "alpha");
    long b = model(admin, api, "beta");
    admin
        .request()
        .contentType("application/json")
        .body(Map.of("chat_model_id", a))
        .put("/api/admin/chat-models/default")
        .then()
        .statusCode(200);
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();

    given()
        .get("/api/model/chat/options")
        .then()
        .statusCode(200)
        .body("name", hasItem("ALPHA"))
        .body("find { it.id == " + b + " }.strengths", equalTo("fast"));
    alice
        .request()
        .get("/api/model/chat")
        .then()
        .body("id", equalTo((int) a))
        .body("chat_model", equalTo("ALPHA"));
    alice
        .request()
        .queryParam("id", b)
        .post("/api/model/chat")
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"));
    alice.request().get("/api/model/chat").then().body("chat_model", equalTo("BETA"));
    bob.request().get("/api/model/chat").then().body("chat_model", equalTo("ALPHA"));

    alice
        .request()
        .queryParam("id", 999_999)
        .post("/api/model/chat")
        .then()
        .statusCode(404)
        .body("message", equalTo("Chat model not found"));
    alice.request().queryParam("id", "abc").post("/api/model/chat").then().statusCode(422);
    alice.request().post("/api/model/chat").then().statusCode(422);
    given().get("/api/model/chat").then().statusCode(403);
    given().queryParam("id", a).post("/api/model/chat").then().statusCode(403);
  }

  @Test
  void vendorKeysAreSealedAtRestAndNeverReturned() throws Exception {
    TestUser admin = TestUsers.createAdmin();
    String api = admin
        .request()
        .contentType("application/json")
        .body(Map.of("name", "keyed-" + System.nanoTime(), "api_key", "sk-live-should-never-leak"))
        .post("/api/admin/model-apis")
        .then()
        .statusCode(201)
        .extract()
        .path("id");

    admin
        .request()
        .get("/api/admin/model-apis")
        .then()
        .body(not(org.hamcrest.Matchers.containsString("sk-live")));
    try (var c = dataSource.getConnection();
        var s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select api_key_sealed from ai_model_apis where id = '" + api + "'")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("v1.").doesNotContain("sk-live");
    }
  }

  @Test
  void onlyAdministratorsManageModelsAndBadInputIsRefused() {
    TestUser user = TestUsers.create();
    TestUser admin = TestUsers.createAdmin();

    for (String path : List.of("/api/admin/model-apis", "/api/admin/chat-models")) {
      user.request().get(path).then().statusCode(403).body("detail", equalTo("Forbidden"));
      given().get(path).then().statusCode(403);
      user.request()
          .contentType("application/json")
          .body(Map.of("name", "x"))
          .post(path)
          .then()
          .statusCode(403);
    }
    admin
        .request()
        .contentType("application/json")
        .body(Map.of("name", ""))
        .post("/api/admin/model-apis")
        .then()
        .statusCode(422);
    admin
        .request()
        .contentType("application/json")
        .body(Map.of("name", "x", "base_url", "ftp://nope"))
        .post("/api/admin/model-apis")
        .then()
        .statusCode(422);
    admin
        .request()
        .contentType("application/json")
        .body(Map.of("name", "m", "model_type", "cobol"))
        .post("/api/admin/chat-models")
        .then()
        .statusCode(422);
    admin
        .request()
        .contentType("application/json")
        .body(Map.of("name", "m", "ai_model_api_id", "00000000-0000-0000-0000-000000000001"))
        .post("/api/admin/chat-models")
        .then()
        .statusCode(404);
    admin.request().delete("/api/admin/chat-models/987654").then().statusCode(404);
    admin
        .request()
        .contentType("application/json")
        .body(Map.of("chat_model_id", 987654))
        .put("/api/admin/chat-models/default")
        .then()
        .statusCode(404);
  }
}
