package io.khoj4j.bootstrap.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Tag("security")
class SecurityHeadersIT {

  private static void hardened(ValidatableResponse response) {
    response
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", startsWith("default-src 'none'"));
  }

  @Test
  void everyKindOfAnswerCarriesTheHeaders() {
    TestUser alice = TestUsers.create();
    hardened(given().get("/api/health").then().statusCode(200));
    hardened(alice.request().get("/api/v1/user").then().statusCode(200));
    hardened(given().get("/api/v1/user").then().statusCode(403));
    hardened(alice.request().get("/api/no-such-route").then().statusCode(404));
    hardened(given().get("/q/health/ready").then().statusCode(200));
  }

  @Test
  void answersToCredentialedRequestsAreNeverCached() {
    TestUser alice = TestUsers.create();
    alice.request().get("/api/v1/user").then().statusCode(200).header("Cache-Control", "no-store");
    alice
        .request()
        .get("/api/automation")
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store");
    given().get("/api/health").then().statusCode(200).header("Cache-Control", nullValue());
  }

  @Test
  void hstsOnlyWhenTheRequestCameOverTls() {
    given().get("/api/health").then().header("Strict-Transport-Security", nullValue());
    // The test profile trusts X-Forwarded-* as a server behind a TLS-terminating proxy would.
    given()
        .header("X-Forwarded-Proto", "https")
        .get("/api/health")
        .then()
        .header("Strict-Transport-Security", equalTo("max-age=31536000"));
  }

  @Test
  void textAnswersNameTheirCharset() {
    TestUser alice = TestUsers.create();
    String id = alice
        .request()
        .queryParam("q", "news")
        .queryParam("crontime", "0 9 * * *")
        .post("/api/automation")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
    alice
        .request()
        .queryParam("automation_id", id)
        .post("/api/automation/trigger")
        .then()
        .statusCode(200)
        .header("Content-Type", equalTo("text/plain;charset=UTF-8"));
  }

  @Test
  void swaggerUiMayRunItsOwnScriptsOnly() {
    TestUsers.createAdmin()
        .request()
        .get("/q/swagger-ui/")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", startsWith("default-src 'self'"))
        .header("X-Frame-Options", "DENY");
  }
}
