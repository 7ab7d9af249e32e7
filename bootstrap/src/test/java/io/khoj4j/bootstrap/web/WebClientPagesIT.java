package io.khoj4j.bootstrap.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.khoj4j.adapter.web.in.page.WebPage;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The web client's page routes over plain HTTP: who gets a page, who gets sent to sign in, who keeps JSON, and the
 * headers that keep model output from running script. The pages' behaviour in a browser is WebClientBrowserIT's.
 */
@QuarkusTest
class WebClientPagesIT {

  static final String[] SIGNED_IN_PAGES = {
    "/", "/chat", "/search", "/settings", "/agents", "/automations"
  };

  @Test
  void aSignedInBrowserGetsEachPageWithAStrictContentSecurityPolicyAndNoSecret() {
    TestUser user = TestUsers.create();
    for (String path : SIGNED_IN_PAGES) {
      Response page = user.request()
          .accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
          .get(path);
      page.then()
          .statusCode(200)
          .contentType(startsWith("text/html"))
          .header("Content-Security-Policy", equalTo(WebPage.CSP))
          .header("Cache-Control", "no-store")
          .body(containsString("<script type=\"module\" src=\"/assets/app.js\"></script>"))
          .body(not(containsString(user.token())))
          .body(not(containsString(user.email())));
      assertThat(WebPage.CSP).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }
  }

  @Test
  void theChatPageSaysWhetherAnswersCanBeReadAloud() {
    TestUser user = TestUsers.create();
    for (String path : new String[] {"/", "/chat"}) {
      user.request()
          .accept("text/html")
          .get(path)
          .then()
          .statusCode(200)
          // no text-to-speech server is configured here (WebClientVoiceIT has one)
          .body(containsString(" data-speech=\"false\""));
    }
    user.request()
        .accept("text/html")
        .get("/search")
        .then()
        .statusCode(200)
        .body(not(containsString("data-speech")));
  }

  @Test
  void aSignedOutBrowserIsSentToSignInAndComesBackToThePageItAskedFor() {
    given()
        .redirects()
        .follow(false)
        .accept("text/html")
        .queryParam("conversationId", "c1")
        .get("/chat")
        .then()
        .statusCode(303)
        .header("Location", "/login?next=%2Fchat%3FconversationId%3Dc1");
    given()
        .redirects()
        .follow(false)
        .accept("text/html")
        .get("/")
        .then()
        .statusCode(303)
        .header("Location", "/login?next=%2F");
  }

  @Test
  void aSignedOutApiClientKeepsKhojsForbiddenJson() {
    for (String path : SIGNED_IN_PAGES) {
      given()
          .redirects()
          .follow(false)
          .accept("application/json")
          .get(path)
          .then()
          .statusCode(403)
          .body("detail", equalTo("Forbidden"));
    }
  }

  @Test
  void theLoginRouteIsAPageForBrowsersAndJsonForEveryoneElse() {
    given()
        .accept("text/html")
        .queryParam("next", "/search")
        .get("/login")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .header("Content-Security-Policy", equalTo(WebPage.CSP))
        .body(containsString("data-page=\"login\""))
        .body(containsString("data-next=\"/search\""))
        .body(containsString("data-oidc=\"false\""));
    given()
        .accept("text/html")
        .queryParam("next", "https://evil.example/")
        .get("/login")
        .then()
        .statusCode(200)
        .body(containsString("data-next=\"/\""));
    given()
        .accept("application/json")
        .get("/login")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("detail", equalTo("Sign in to continue."));
    given().get("/login").then().statusCode(200).contentType(startsWith("application/json"));
  }

  @Test
  void aSharePageIsPublicWithOrWithoutKhojsTrailingSlashAndEscapesItsSlug() {
    for (String path : new String[] {"/share/chat/some-slug", "/share/chat/some-slug/"}) {
      given()
          .redirects()
          .follow(false)
          .accept("text/html")
          .get(path)
          .then()
          .statusCode(200)
          .body(containsString("data-page=\"share\""))
          .body(containsString("data-slug=\"some-slug\""));
    }
    given()
        .urlEncodingEnabled(false)
        .accept("text/html")
        .get("/share/chat/%22%3E%3Cscript%3Ex%3C%2Fscript%3E")
        .then()
        .statusCode(200)
        .body(not(containsString("<script>x")))
        .body(containsString("data-slug=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
  }

  @Test
  void theClientsModulesAreServedAsJavaScript() {
    for (String path : new String[] {
      "/assets/app.js",
      "/assets/pages/chat.js",
      "/vendor/marked/marked.esm.js",
      "/vendor/dompurify/purify.es.js"
    }) {
      given().get(path).then().statusCode(200).contentType(containsString("javascript"));
    }
    given().get("/assets/app.css").then().statusCode(200).contentType(startsWith("text/css"));
  }

  @Test
  void anUnknownPathIsStillKhojsNotFound() {
    given().accept("application/json").get("/no-such-page").then().statusCode(404);
    given()
        .accept("application/json")
        .get("/api/no-such-route")
        .then()
        .statusCode(404)
        .body("detail", equalTo("Not Found"));
  }

  @Test
  @org.junit.jupiter.api.Tag("security")
  void aCookieAuthenticatedChangeFromAnotherOriginIsRefusedAndChangesNothing() {
    TestUser user = TestUsers.create();
    String session = io.quarkus.arc.Arc.container()
        .instance(io.khoj4j.application.port.in.auth.WebSessionUseCase.class)
        .get()
        .start(
            new io.khoj4j.application.port.in.auth.WebSessionUseCase.StartSessionCommand(user.id()))
        .secret();

    given()
        .cookie("session", session)
        .header("Origin", "https://evil.example")
        .queryParam("token_name", "csrf")
        .post("/auth/token")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    given()
        .cookie("session", session)
        .header("Sec-Fetch-Site", "cross-site")
        .queryParam("token_name", "csrf")
        .post("/auth/token")
        .then()
        .statusCode(403);
    given()
        .cookie("session", session)
        .header("Origin", "null")
        .queryParam("token_name", "csrf")
        .post("/auth/token")
        .then()
        .statusCode(403);
    given()
        .cookie("session", session)
        .get("/auth/token")
        .then()
        .statusCode(200)
        .body("name", not(org.hamcrest.Matchers.hasItem("csrf")));

    // The same change from the server's own pages, or with a bearer token (no other site can attach
    // one), works.
    given()
        .cookie("session", session)
        .header("Origin", "http://localhost")
        .header("Sec-Fetch-Site", "same-origin")
        .queryParam("token_name", "own-page")
        .post("/auth/token")
        .then()
        .statusCode(200);
    user.request()
        .header("Origin", "https://evil.example")
        .queryParam("token_name", "bearer")
        .post("/auth/token")
        .then()
        .statusCode(200);
    given()
        .cookie("session", session)
        .get("/auth/token")
        .then()
        .statusCode(200)
        .body("name", org.hamcrest.Matchers.hasItems("own-page", "bearer"));
  }
}
