package io.khoj4j.bootstrap.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KHOJ_ANONYMOUS_MODE=true: every request is Khoj's built-in user, whatever credentials it carries. */
@QuarkusTest
@TestProfile(SingleUserModeIT.SingleUser.class)
class SingleUserModeIT {

  public static class SingleUser implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("khoj.anonymous-mode", "true");
    }
  }

  @Test
  void anAdministratorCannotDeleteTheBuiltInUser() {
    io.khoj4j.bootstrap.testing.TestUsers.TestUser admin =
        io.khoj4j.bootstrap.testing.TestUsers.createAdmin();
    // the built-in user is made by the first request that is its own
    given().get("/api/v1/user").then().statusCode(200);
    String builtIn = io.khoj4j.bootstrap.testing.TestUsers.listedId(admin, "default@example.com");
    org.assertj.core.api.Assertions.assertThat(builtIn)
        .as("the built-in user is listed")
        .isNotNull();

    admin
        .request()
        .delete("/api/admin/users/" + builtIn)
        .then()
        .statusCode(409)
        .body("detail", equalTo("The built-in user of single-user mode cannot be deleted"));
    given()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo("default@example.com"));
  }

  @Test
  void pingKnowsTheDefaultUser() {
    given()
        .when()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("email", equalTo("default@example.com"));
  }

  @Test
  void aRealTokenStillNamesItsOwner() {
    io.khoj4j.bootstrap.testing.TestUsers.TestUser user =
        io.khoj4j.bootstrap.testing.TestUsers.create();

    user.request()
        .when()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("email", equalTo(user.email()));
  }

  @Test
  void anUnknownTokenFallsBackToTheDefaultUser() {
    given()
        .header("Authorization", "Bearer kk-unknown")
        .when()
        .get("/auth/token")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", "Bearer ")
        .when()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("email", equalTo("default@example.com"));
  }

  @Test
  void emacsWithoutAKeySendsBearerNilAndIsStillTheDefaultUser() {
    given()
        .header("Authorization", "Bearer nil")
        .when()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("email", equalTo("default@example.com"));
    given()
        .header("Authorization", "Bearer nil")
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo("default@example.com"))
        .body("username", equalTo("default"));
  }

  @Test
  void theLoginPageSendsEveryoneOnSinceEveryoneIsSignedIn() {
    given()
        .redirects()
        .follow(false)
        .queryParam("next", "/chat")
        .when()
        .get("/login")
        .then()
        .statusCode(303)
        .header("Location", "/chat");
  }

  @Test
  void everyPageOpensWithoutSigningIn() {
    for (String page :
        new String[] {"/", "/chat", "/search", "/settings", "/agents", "/automations"}) {
      given()
          .redirects()
          .follow(false)
          .accept("text/html")
          .when()
          .get(page)
          .then()
          .statusCode(200)
          .body(org.hamcrest.Matchers.containsString("data-single-user=\"true\""));
    }
  }
}
