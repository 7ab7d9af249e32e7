package io.khoj4j.bootstrap.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.khoj4j.bootstrap.testing.FakeOidcProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a stand-in OpenID Connect provider: the browser's authorization-code flow on /auth/login,
 * and the provider's JWTs as bearer tokens on API routes.
 */
@QuarkusTest
@TestProfile(SingleSignOnIT.WithProvider.class)
class SingleSignOnIT {

  /** A command-line client registered at the same provider, whose tokens this server also accepts. */
  static final String CLI_CLIENT = "khoj4j-cli";

  /**
   * The provider, and {@code khoj.oidc.audience} set to a list: the web client's id (the default audience,
   * {@code PackagedDefaultsTest}) and {@link #CLI_CLIENT}. One profile for both sign-on test classes: each profile
   * costs the suite a build and a start of the application.
   */
  public static class WithProvider implements QuarkusTestProfile {
    @Override
    public java.util.List<TestResourceEntry> testResources() {
      return java.util.List.of(new TestResourceEntry(
          FakeOidcProvider.class,
          java.util.Map.of("audience", FakeOidcProvider.CLIENT_ID + "," + CLI_CLIENT)));
    }
  }

  @Test
  void theCodeFlowEndsInAKhojSessionAndTheRequestedPage() {
    // 1. The browser asks to sign in and is sent to the provider.
    Response toProvider =
        given().redirects().follow(false).queryParam("next", "/chat?v=1").when().get("/auth/login");
    toProvider.then().statusCode(302);
    URI authorize = URI.create(toProvider.getHeader("Location"));
    Map<String, String> params = query(authorize);
    assertThat(authorize.getPath()).isEqualTo("/realms/home/auth");
    assertThat(params)
        .containsEntry("client_id", FakeOidcProvider.CLIENT_ID)
        .containsEntry("response_type", "code");
    assertThat(params.get("scope")).contains("openid").contains("email");

    // 2. The person signs in there; the provider sends the browser back with the code it issued.
    // The extension
    //    redeems it at the token endpoint, which answers only for that code, this client and this
    // redirect URI.
    URI callback = URI.create(given()
        .redirects()
        .follow(false)
        .urlEncodingEnabled(false)
        .when()
        .get(authorize.toString())
        .then()
        .statusCode(302)
        .extract()
        .header("Location"));
    assertThat(callback.getPath())
        .isEqualTo(URI.create(params.get("redirect_uri")).getPath());
    Response back = given()
        .redirects()
        .follow(false)
        .cookies(toProvider.getCookies())
        .urlEncodingEnabled(false)
        .when()
        .get(callback.getRawPath() + "?" + callback.getRawQuery());
    back.then().statusCode(302);

    // 3. Back on /auth/login with the provider's session: khoj4j swaps it for its own and goes to
    // `next`.
    Map<String, String> cookies = new HashMap<>(toProvider.getCookies());
    cookies.putAll(back.getCookies());
    Response signedIn = given()
        .redirects()
        .follow(false)
        .cookies(cookies)
        .urlEncodingEnabled(false)
        .when()
        .get(URI.create(back.getHeader("Location")).getRawPath() + "?"
            + URI.create(back.getHeader("Location")).getRawQuery());
    signedIn.then().statusCode(303).header("Location", "/chat?v=1");
    String session = signedIn.getCookie("session");
    assertThat(session).isNotBlank();

    given()
        .cookie("session", session)
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo(FakeOidcProvider.PERSON_EMAIL))
        .body("photo", equalTo(FakeOidcProvider.PERSON_PICTURE));
    given()
        .cookie("session", session)
        .when()
        .get("/api/settings")
        .then()
        .statusCode(200)
        .body("user_photo", equalTo(FakeOidcProvider.PERSON_PICTURE));
  }

  @Test
  void aCodeTheProviderDidNotIssueSignsNobodyIn() {
    Response toProvider = given().redirects().follow(false).when().get("/auth/login");
    Map<String, String> params = query(URI.create(toProvider.getHeader("Location")));

    Response back = given()
        .redirects()
        .follow(false)
        .cookies(toProvider.getCookies())
        .queryParam("code", "code-made-up-by-an-attacker")
        .queryParam("state", params.get("state"))
        .when()
        .get(URI.create(params.get("redirect_uri")).getPath());

    back.then().statusCode(401);
    assertThat(back.getCookie("session")).isNull();
  }

  @Test
  void theLoginPageSendsBrowsersToTheProvider() {
    given()
        .redirects()
        .follow(false)
        .queryParam("next", "/chat?v=1")
        .when()
        .get("/login")
        .then()
        .statusCode(303)
        .header("Location", "/auth/login?next=%2Fchat%3Fv%3D1");
    given()
        .redirects()
        .follow(false)
        .queryParam("next", "https://evil.example/")
        .when()
        .get("/login")
        .then()
        .statusCode(303)
        .header("Location", "/auth/login?next=%2F");
  }

  @Test
  void theProvidersJwtsWorkAsBearerTokensAndMapToOneUser() {
    String subject = "bearer-" + UUID.randomUUID();
    String email = subject + "@example.org";

    given()
        .auth()
        .oauth2(FakeOidcProvider.token(subject, email, true))
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo(email));
    given()
        .auth()
        .oauth2(FakeOidcProvider.token(subject, "renamed-" + email, true))
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo(email));
  }

  @Test
  void theProvidersPictureIsTheUsersPhotoAndALaterOneReplacesIt() {
    String subject = "pictured-" + UUID.randomUUID();
    String email = subject + "@example.org";

    given()
        .auth()
        .oauth2(FakeOidcProvider.tokenWithPicture(subject, email, "https://pictures.example/1.png"))
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("photo", equalTo("https://pictures.example/1.png"));
    given()
        .auth()
        .oauth2(FakeOidcProvider.tokenWithPicture(subject, email, "https://pictures.example/2.png"))
        .when()
        .get("/api/settings")
        .then()
        .statusCode(200)
        .body("user_photo", equalTo("https://pictures.example/2.png"));
    given()
        .auth()
        .oauth2(FakeOidcProvider.token(subject, email, true))
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("photo", equalTo("https://pictures.example/2.png"));
  }

  @Test
  void usersWithoutAPictureHaveNoPhoto() {
    String subject = "plain-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(FakeOidcProvider.token(subject, subject + "@example.org", true))
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("photo", nullValue());
    String scripted = "scripted-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(FakeOidcProvider.tokenWithPicture(
            scripted, scripted + "@example.org", "javascript:alert(1)"))
        .when()
        .get("/api/settings")
        .then()
        .statusCode(200)
        .body("user_photo", nullValue());
  }

  @Test
  void forgedExpiredOrAnonymousTokensAreForbidden() {
    String subject = "bad-" + UUID.randomUUID();
    for (String token : new String[] {
      FakeOidcProvider.tokenSignedByAnotherKey(subject, subject + "@example.org"),
      FakeOidcProvider.expiredToken(subject, subject + "@example.org"),
      FakeOidcProvider.token(subject, null, false),
      "not.a.jwt"
    }) {
      given()
          .auth()
          .oauth2(token)
          .when()
          .get("/api/v1/user")
          .then()
          .statusCode(403)
          .body("detail", equalTo("Forbidden"));
    }
  }

  @Test
  void aPingWithABearerThatIsNoTokenIsStillAPing() {
    // Emacs without an API key sends "Bearer nil"; the provider cannot verify it, and health needs
    // no credential
    for (String header : new String[] {"Bearer nil", "Bearer not.a.jwt", "Bearer "}) {
      given()
          .header("Authorization", header)
          .when()
          .get("/api/health")
          .then()
          .statusCode(200)
          .body("detail", equalTo("OK"));
    }
  }

  @Test
  void tokensTheProviderIssuedForAnotherAudienceAreForbidden() {
    String subject = "elsewhere-" + UUID.randomUUID();
    for (String audience : new String[] {"another-app", null}) {
      given()
          .auth()
          .oauth2(FakeOidcProvider.tokenFor(audience, subject, subject + "@example.org"))
          .when()
          .get("/api/v1/user")
          .then()
          .statusCode(403)
          .body("detail", equalTo("Forbidden"));
    }
    given()
        .auth()
        .oauth2(FakeOidcProvider.tokenFor(
            FakeOidcProvider.CLIENT_ID, subject, subject + "@example.org"))
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200);
  }

  @Test
  void anUnverifiedAddressCannotTakeOverAnExistingAccount() {
    String email = "owner-" + UUID.randomUUID() + "@example.org";
    given()
        .auth()
        .oauth2(FakeOidcProvider.token("first-" + UUID.randomUUID(), email, true))
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200);

    given()
        .auth()
        .oauth2(FakeOidcProvider.token("intruder-" + UUID.randomUUID(), email, false))
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(403);
  }

  @Test
  void khojTokensStillWorkBesideSingleSignOn() {
    var user = io.khoj4j.bootstrap.testing.TestUsers.create();
    user.request()
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo(user.email()));
    given().when().get("/api/v1/user").then().statusCode(403);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }
}
