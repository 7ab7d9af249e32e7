package io.khoj4j.bootstrap.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiTokenIT {

  @Inject
  DataSource dataSource;

  @Test
  void createdTokenWorksOnEveryRouteAndIsListedWithoutItsSecret() {
    TestUser user = TestUsers.create();

    String secret = user.request()
        .queryParam("token_name", "laptop")
        .when()
        .post("/auth/token")
        .then()
        .statusCode(200)
        .body("name", equalTo("laptop"))
        .body("token", matchesPattern("kk-[A-Za-z0-9_-]{43}"))
        .extract()
        .path("token");

    given()
        .header("Authorization", "Bearer " + secret)
        .when()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("email", equalTo(user.email()));
    user.request()
        .when()
        .get("/auth/token")
        .then()
        .statusCode(200)
        .body("$", hasSize(2))
        .body("name", org.hamcrest.Matchers.hasItem("laptop"))
        .body("token", org.hamcrest.Matchers.everyItem(startsWith("kk-")))
        .body("token", org.hamcrest.Matchers.everyItem(endsWith("…")))
        .body("token", not(org.hamcrest.Matchers.hasItem(secret)));
  }

  @Test
  void tokenWithoutANameGetsOne() {
    TestUser user = TestUsers.create();

    user.request()
        .when()
        .post("/auth/token")
        .then()
        .statusCode(200)
        .body("name", matchesPattern("[A-Z][a-z]+ [A-Z][a-z]+"));
  }

  @Test
  void deletedTokenStopsWorkingAtOnce() {
    TestUser user = TestUsers.create();
    String secret = user.request().when().post("/auth/token").then().extract().path("token");

    user.request()
        .queryParam("token", secret)
        .when()
        .delete("/auth/token")
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"));

    given()
        .header("Authorization", "Bearer " + secret)
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    given()
        .header("Authorization", "Bearer " + secret)
        .when()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("detail", equalTo("OK"));
  }

  @Test
  void tokenCanBeDeletedByTheValueTheListShows() {
    TestUser user = TestUsers.create();
    String secret = user.request()
        .queryParam("token_name", "to-delete")
        .when()
        .post("/auth/token")
        .then()
        .extract()
        .path("token");
    String shown = user.request()
        .when()
        .get("/auth/token")
        .then()
        .extract()
        .path("find { it.name == 'to-delete' }.token");

    user.request()
        .queryParam("token", shown)
        .when()
        .delete("/auth/token")
        .then()
        .statusCode(200);

    given()
        .header("Authorization", "Bearer " + secret)
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(403);
  }

  @Test
  void secretsAreNotReadableFromTheDatabase() throws Exception {
    TestUser user = TestUsers.create();
    String secret = user.request().when().post("/auth/token").then().extract().path("token");

    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select * from api_tokens")) {
      ResultSetMetaData meta = rows.getMetaData();
      int checked = 0;
      while (rows.next()) {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String value = rows.getString(i);
          assertThat(value == null ? "" : value).doesNotContain(secret.substring(3));
          assertThat(value == null ? "" : value).doesNotContain(user.token().substring(3));
        }
        checked++;
      }
      assertThat(checked).isGreaterThanOrEqualTo(2);
    }
  }

  /** Khoj sends a browser without a session from the token pages to the login page, keeping where it was going. */
  @Test
  void withoutCredentialsEveryTokenRouteRedirectsToLogin() {
    given()
        .redirects()
        .follow(false)
        .when()
        .get("/auth/token")
        .then()
        .statusCode(303)
        .header("Location", "/login?next=%2Fauth%2Ftoken");
    given().redirects().follow(false).when().post("/auth/token").then().statusCode(303);
    given()
        .redirects()
        .follow(false)
        .queryParam("token", "kk-x")
        .when()
        .delete("/auth/token")
        .then()
        .statusCode(303)
        .header("Location", "/login?next=%2Fauth%2Ftoken%3Ftoken%3Dkk-x");
  }

  @Test
  void wrongOrMalformedCredentialsAreForbiddenInMultiUserMode() {
    for (String header :
        new String[] {"Bearer nil", "Bearer ", "Bearer kk-not-a-real-token", "Basic abc"}) {
      given()
          .header("Authorization", header)
          .when()
          .get("/api/v1/user")
          .then()
          .statusCode(403)
          .body("detail", equalTo("Forbidden"));
      given()
          .redirects()
          .follow(false)
          .header("Authorization", header)
          .when()
          .get("/auth/token")
          .then()
          .statusCode(303);
    }
  }

  @Test
  void badInputIsA4xxAndChangesNothing() {
    TestUser user = TestUsers.create();

    user.request()
        .queryParam("token_name", "x".repeat(51))
        .when()
        .post("/auth/token")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("token_name"));
    user.request()
        .when()
        .delete("/auth/token")
        .then()
        .statusCode(422)
        .body("detail[0].type", equalTo("missing"));
    user.request()
        .queryParam("token", "kk-unknown")
        .when()
        .delete("/auth/token")
        .then()
        .statusCode(404)
        .body("detail", equalTo("Token not found"));
    user.request().when().get("/auth/token").then().body("$", hasSize(1));
  }

  @Test
  void anotherUserCanNeitherSeeNorDeleteMyTokens() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    String shown = alice.request().when().get("/auth/token").then().extract().path("[0].token");
    String id = alice.request().when().get("/auth/token").then().extract().path("[0].id");

    bob.request()
        .when()
        .get("/auth/token")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].token", not(equalTo(shown)));
    bob.request()
        .queryParam("token", alice.token())
        .when()
        .delete("/auth/token")
        .then()
        .statusCode(404);
    bob.request().queryParam("token", shown).when().delete("/auth/token").then().statusCode(404);
    bob.request().queryParam("token", id).when().delete("/auth/token").then().statusCode(404);

    alice.request().when().get("/auth/token").then().statusCode(200).body("$", hasSize(1));
  }
}
