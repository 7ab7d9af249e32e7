package io.khoj4j.bootstrap.isolation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Deny by default: every route the server exposes answers an anonymous caller with the contract's
 * {@code 403 {"detail":"Forbidden"}} (browser pages — the token pages and Notion's OAuth callback — with a 303 to
 * the login page), except the few routes
 * listed here as public, each with its reason. A new route is protected, or this test names it.
 */
@QuarkusTest
@Tag("security")
class DenyByDefaultIT {

  /** Routes open to anonymous callers, and the status an empty anonymous call gets. */
  static final Map<String, Integer> PUBLIC = Map.ofEntries(
      Map.entry("GET /api/health", 200), // Emacs pings it; {"detail":"OK"} without a user
      Map.entry(
          "POST /api/subscription",
          404), // Stripe's webhook, signed instead; only served with billing
      Map.entry(
          "GET /auth/login", 404), // single sign-on entry (404 while no provider is configured)
      Map.entry(
          "GET /login",
          200), // where Khoj sends browsers to sign in: says how (a page for browsers)
      Map.entry(
          "GET /share/chat/{slug}", 200), // the shared-conversation page: public like its history
      Map.entry("POST /auth/login", 422), // password sign-in; needs email and password
      Map.entry("GET /auth/magic", 422), // magic-link redemption; needs code and email
      Map.entry("POST /auth/magic", 422), // magic-link request; needs an e-mail address
      Map.entry("GET /auth/logout", 307), // sign-out works without a session
      Map.entry(
          "GET /api/chat/share/history", 422), // public copies are readable by anyone with the link
      Map.entry("GET /api/chat/options", 200), // the list of chat tools, the same for everyone
      Map.entry(
          "GET /api/model/chat/options", 200), // the server's chat models, the same for everyone
      Map.entry("GET /api/agents", 200), // anonymous callers see the administrators' public agents
      Map.entry("GET /api/agents/options", 200), // the same agent tools and modes for everyone
      Map.entry("GET /api/agents/{slug}", 404)); // public agents are readable by link; "x" is none

  /** Token pages (every method, as Khoj) and Notion's OAuth return: a signed-out visitor signs in first, then back. */
  private static boolean browserPage(String route) {
    String path = route.substring(route.indexOf(' ') + 1);
    return path.startsWith("/auth/token") || route.equals("GET /api/notion/auth/callback");
  }

  @Test
  void everyRouteRefusesAnonymousCallersUnlessListedAsPublic() {
    List<String> wrong = new ArrayList<>();
    for (String route : Routes.all()) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
      Response r = call(method, path);
      Integer expected = PUBLIC.get(route);
      if (expected != null) {
        if (r.statusCode() != expected) {
          wrong.add(route + " (public) answered " + r.statusCode() + ", expected " + expected);
        }
      } else if (browserPage(route)) {
        if (r.statusCode() != 303 || !r.getHeader("Location").startsWith("/login?next=")) {
          wrong.add(route + " answered " + r.statusCode() + ", expected 303 to /login");
        }
      } else if (r.statusCode() != 403 || !"Forbidden".equals(r.jsonPath().getString("detail"))) {
        wrong.add(route + " answered " + r.statusCode() + " " + r.asString());
      }
    }
    assertThat(wrong).as("routes that do not deny anonymous callers").isEmpty();
  }

  /** A body of the route's kind, so that the answer is about who calls, not about a missing content type. */
  private static Response call(String method, String path) {
    if (method.equals("GET")) {
      return given().redirects().follow(false).when().request(method, path);
    }
    Response json = given()
        .redirects()
        .follow(false)
        .contentType("application/json")
        .body("{}")
        .request(method, path);
    if (json.statusCode() != 415) {
      return json;
    }
    return given()
        .redirects()
        .follow(false)
        .multiPart("files", "a.md", "# a".getBytes(), "text/markdown")
        .request(method, path);
  }

  @Test
  void bearerNilIsNoCredentialInMultiUserMode() {
    // Emacs sends it when no API key is set; only single-user mode treats it as the default user.
    given()
        .header("Authorization", "Bearer nil")
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    given()
        .header("Authorization", "Bearer nil")
        .when()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("detail", equalTo("OK"));
  }

  @Test
  void everyPublicRouteStillExists() {
    assertThat(Routes.all()).containsAll(PUBLIC.keySet());
  }
}
