package io.khoj4j.bootstrap.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.khoj4j.bootstrap.testing.FakeOidcProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code khoj.oidc.audience} set to a list: bearer JWTs for any audience on it are accepted (here the web client and
 * a command-line client registered at the same provider), others are not. The default, the client id alone, is in
 * {@code PackagedDefaultsTest}.
 */
@QuarkusTest
@TestProfile(SingleSignOnIT.WithProvider.class)
class SingleSignOnAudienceIT {

  static final String CLI_CLIENT = SingleSignOnIT.CLI_CLIENT;

  @Test
  void everyListedAudienceIsAcceptedAndNoOther() {
    String subject = "listed-" + UUID.randomUUID();
    String email = subject + "@example.org";

    for (String audience : new String[] {FakeOidcProvider.CLIENT_ID, CLI_CLIENT}) {
      given()
          .auth()
          .oauth2(FakeOidcProvider.tokenFor(audience, subject, email))
          .when()
          .get("/api/v1/user")
          .then()
          .statusCode(200)
          .body("email", equalTo(email));
    }
    given()
        .auth()
        .oauth2(FakeOidcProvider.tokenFor("another-app", subject, email))
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
  }
}
