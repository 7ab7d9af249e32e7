package io.khoj4j.bootstrap.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.khoj4j.bootstrap.testing.Clients;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The administrator made from KHOJ_ADMIN_EMAIL / KHOJ_ADMIN_PASSWORD (set in the test profile) signs in with the
 * password; wrong passwords are refused alike and limited per address.
 */
@QuarkusTest
class PasswordLoginIT {

  static final String ADMIN = "admin@khoj4j.test";
  static final String PASSWORD = "admin-password-for-tests";

  static String adminSession() {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Forwarded-For", Clients.freshAddress())
        .body("{\"email\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}")
        .when()
        .post("/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .cookie("session");
  }

  @Test
  void theConfiguredAdministratorSignsInAndReachesAdministratorRoutes() {
    String session = adminSession();

    given()
        .cookie("session", session)
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo(ADMIN));
    given().cookie("session", session).when().get("/api/admin/users").then().statusCode(200);
  }

  @Test
  void aFormSignInRedirectsToALocalNextOnly() {
    Response local = given()
        .redirects()
        .follow(false)
        .header("X-Forwarded-For", Clients.freshAddress())
        .formParam("email", ADMIN)
        .formParam("password", PASSWORD)
        .queryParam("next", "/settings?tab=1")
        .when()
        .post("/auth/login");
    local.then().statusCode(303).header("Location", "/settings?tab=1");
    assertThat(local.getCookie("session")).isNotBlank();

    for (String evil :
        new String[] {"https://evil.example/", "//evil.example", "/\\evil.example"}) {
      given()
          .redirects()
          .follow(false)
          .header("X-Forwarded-For", Clients.freshAddress())
          .formParam("email", ADMIN)
          .formParam("password", PASSWORD)
          .queryParam("next", evil)
          .when()
          .post("/auth/login")
          .then()
          .statusCode(303)
          .header("Location", "/");
    }
  }

  @Test
  void wrongPasswordsAndUnknownAddressesGetTheSameAnswerAndNoCookie() {
    for (String body : new String[] {
      "{\"email\":\"" + ADMIN + "\",\"password\":\"not-the-password\"}",
      "{\"email\":\"nobody-" + System.nanoTime() + "@example.org\",\"password\":\"whatever-it-is\"}"
    }) {
      Response r = given()
          .contentType(ContentType.JSON)
          .header("X-Forwarded-For", Clients.freshAddress())
          .body(body)
          .when()
          .post("/auth/login");
      r.then().statusCode(401).body("detail", equalTo("Invalid email or password."));
      assertThat(r.getCookie("session")).isNull();
    }
  }

  @Test
  void malformedSignInsAre422() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + ADMIN + "\"}")
        .when()
        .post("/auth/login")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("password"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"email\":")
        .when()
        .post("/auth/login")
        .then()
        .statusCode(422);
  }

  @Test
  void guessingOneAddressIsLimitedWhateverTheClient() {
    String victim = "victim-" + System.nanoTime() + "@example.org";
    for (int i = 0; i < 10; i++) {
      given()
          .contentType(ContentType.JSON)
          .header("X-Forwarded-For", Clients.freshAddress())
          .body("{\"email\":\"" + victim + "\",\"password\":\"guess-number-" + i + "\"}")
          .when()
          .post("/auth/login")
          .then()
          .statusCode(401);
    }
    given()
        .contentType(ContentType.JSON)
        .header("X-Forwarded-For", Clients.freshAddress())
        .body("{\"email\":\"" + victim + "\",\"password\":\"guess-number-10\"}")
        .when()
        .post("/auth/login")
        .then()
        .statusCode(429)
        .body("detail", equalTo("Too many sign-in attempts. Try again later."));
  }

  @Test
  void theLoginPageTellsHowToSignInAndSendsSignedInCallersOn() {
    given()
        .redirects()
        .follow(false)
        .queryParam("next", "/auth/token")
        .when()
        .get("/login")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("detail", equalTo("Sign in to continue."))
        .body("next", equalTo("/auth/token"))
        .body("sign_in.magic_link", startsWith("POST /auth/magic"))
        .body("sign_in.api_token", containsString("Authorization: Bearer kk-"));
    given()
        .redirects()
        .follow(false)
        .queryParam("next", "//evil.example")
        .when()
        .get("/login")
        .then()
        .statusCode(200)
        .body("next", equalTo("/"));

    TestUsers.create()
        .request()
        .redirects()
        .follow(false)
        .queryParam("next", "/auth/token")
        .when()
        .get("/login")
        .then()
        .statusCode(303)
        .header("Location", "/auth/token");
  }

  @Test
  void withoutSingleSignOnConfiguredGetLoginSaysSo() {
    given()
        .redirects()
        .follow(false)
        .when()
        .get("/auth/login")
        .then()
        .statusCode(404)
        .body(
            "detail",
            equalTo("Single sign-on is not configured on this server. Sign in with a magic link."));
  }
}
