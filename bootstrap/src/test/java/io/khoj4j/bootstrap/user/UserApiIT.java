package io.khoj4j.bootstrap.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserApiIT {

  @Test
  void userInfoTellsClientsWhoIsConnectedAndWhetherTheyHaveDocuments() {
    TestUser user = TestUsers.create();

    user.request()
        .get("/api/v1/user?client=obsidian")
        .then()
        .statusCode(200)
        .body("email", equalTo(user.email()))
        .body("username", equalTo(user.email()))
        .body("is_active", equalTo(true))
        .body("has_documents", equalTo(false))
        .body("khoj_version", notNullValue())
        .body("$", hasKey("photo"));
    Multipart note = Multipart.files().add("n.md", "text/markdown", "# N\nnote");
    user.request()
        .contentType(note.contentType())
        .body(note.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
    user.request().get("/api/v1/user").then().body("has_documents", equalTo(true));
  }

  @Test
  void settingsComeInTwoSizes() {
    TestUser user = TestUsers.create();

    user.request()
        .get("/api/settings")
        .then()
        .statusCode(200)
        .body("username", equalTo(user.email()))
        .body("$", not(hasKey("chat_model_options")));
    user.request()
        .queryParam("detailed", true)
        .get("/api/settings")
        .then()
        .statusCode(200)
        .body("$", hasKey("chat_model_options"))
        .body("$", hasKey("selected_chat_model_config"))
        .body("enabled_content_source.computer", equalTo(false))
        .body("billing_enabled", equalTo(false))
        .body("anonymous_mode", equalTo(false))
        .body("subscription_state", equalTo("subscribed"));
    user.request()
        .queryParam("detailed", "sometimes")
        .get("/api/settings")
        .then()
        .statusCode(422);
  }

  @Test
  void renaming() {
    TestUser user = TestUsers.create();

    user.request()
        .queryParam("name", "Ada Lovelace")
        .patch("/api/user/name")
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"));
    user.request()
        .queryParam("detailed", true)
        .get("/api/settings")
        .then()
        .body("given_name", equalTo("Ada"));
    user.request()
        .queryParam("name", "Ada King Lovelace")
        .patch("/api/user/name")
        .then()
        .statusCode(400)
        .body("detail", equalTo("Name must be in the format: Firstname Lastname"));
    user.request().patch("/api/user/name").then().statusCode(422);
    user.request().queryParam("name", "  ").patch("/api/user/name").then().statusCode(422);
  }

  @Test
  void deletingMyAccountRemovesEverythingOfMineAndNothingElse() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    for (TestUser u : List.of(alice, bob)) {
      Multipart note = Multipart.files().add("n.md", "text/markdown", "# N\nshared words");
      u.request()
          .contentType(note.contentType())
          .body(note.body())
          .patch("/api/content")
          .then()
          .statusCode(200);
    }

    alice.request().delete("/api/self").then().statusCode(200).body("status", equalTo("ok"));

    alice.request().get("/api/v1/user").then().statusCode(403);
    given()
        .header("Authorization", "Bearer " + alice.token())
        .get("/api/content/types")
        .then()
        .statusCode(403);
    bob.request().get("/api/v1/user").then().statusCode(200).body("has_documents", equalTo(true));
    bob.request()
        .queryParam("q", "shared words")
        .get("/api/search")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1));
  }

  @Test
  void accountRoutesNeedCredentials() {
    given().get("/api/v1/user").then().statusCode(403).body("detail", equalTo("Forbidden"));
    given().get("/api/settings").then().statusCode(403);
    given().queryParam("name", "X").patch("/api/user/name").then().statusCode(403);
    given().delete("/api/self").then().statusCode(403);
  }
}
