package io.khoj4j.bootstrap.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.khoj4j.adapter.web.in.page.WebPage;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operator's static web export (a fake of the layout Next.js writes) served at the page routes with its assets;
 * pages it lacks still come from the built-in client, and API clients keep their JSON.
 */
@QuarkusTest
@TestProfile(StaticExportIT.WithExport.class)
class StaticExportIT {

  static final String BOOT = "self.__next_f.push([1,\"chat\"])";

  public static class WithExport implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        Path root = Files.createTempDirectory("khoj4j-export");
        Files.createDirectories(root.resolve("chat"));
        Files.createDirectories(root.resolve("login"));
        Files.createDirectories(root.resolve("share/chat"));
        Files.createDirectories(root.resolve("_next/static/chunks"));
        Files.writeString(root.resolve("index.html"), "<html>export home</html>");
        Files.writeString(
            root.resolve("chat/index.html"),
            "<html>export chat<script src=\"/_next/static/chunks/app.js\"></script><script>" + BOOT
                + "</script></html>");
        Files.writeString(root.resolve("login/index.html"), "<html>export login</html>");
        Files.writeString(root.resolve("share/chat/index.html"), "<html>export shared</html>");
        Files.writeString(root.resolve("_next/static/chunks/app.js"), "console.log('export')");
        Files.writeString(
            root.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.writeString(root.resolve(".env"), "SECRET=1");
        return Map.of("khoj.web-client.static-export", root.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void aSignedInBrowserGetsTheExportsPageWithItsInlineScriptsAllowedByHash() {
    TestUser user = TestUsers.create();

    user.request()
        .accept("text/html")
        .get("/chat")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .body(containsString("export chat"))
        .header("Content-Security-Policy", containsString("script-src 'self' 'sha256-"))
        .header("Content-Security-Policy", not(containsString("'unsafe-eval'")))
        .header("Cache-Control", "no-store");
    user.request()
        .accept("text/html")
        .get("/")
        .then()
        .statusCode(200)
        .body(equalTo("<html>export home</html>"));
  }

  @Test
  void aRouteTheExportLacksComesFromTheBuiltInClient() {
    TestUsers.create()
        .request()
        .accept("text/html")
        .get("/agents")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", equalTo(WebPage.CSP))
        .body(containsString("/assets/app.js"));
  }

  @Test
  void signInAndSharedLinksUseTheExportAndSignedOutBrowsersAreStillSentToSignIn() {
    given()
        .redirects()
        .follow(false)
        .accept("text/html")
        .get("/chat")
        .then()
        .statusCode(303)
        .header("Location", "/login?next=%2Fchat");
    given()
        .accept("text/html")
        .get("/login")
        .then()
        .statusCode(200)
        .body(containsString("export login"));
    given()
        .accept("text/html")
        .get("/share/chat/some-slug")
        .then()
        .statusCode(200)
        .body(containsString("export shared"));
  }

  @Test
  void theExportsAssetsArePublicCachedAndConfinedToItsFolder() {
    given()
        .get("/_next/static/chunks/app.js")
        .then()
        .statusCode(200)
        .contentType(containsString("javascript"))
        .header("Cache-Control", containsString("immutable"))
        .body(equalTo("console.log('export')"));
    given().get("/favicon.svg").then().statusCode(200).contentType(containsString("svg"));
    given().get("/_next/static/chunks/missing.js").then().statusCode(404);
    given().get("/.env").then().statusCode(404);
    given()
        .urlEncodingEnabled(false)
        .get("/_next/%2e%2e/%2e%2e/etc/passwd")
        .then()
        .statusCode(404);
  }

  @Test
  void apiClientsKeepTheirJson() {
    given()
        .redirects()
        .follow(false)
        .accept("application/json")
        .get("/chat")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    given().get("/api/health").then().statusCode(200).body("detail", equalTo("OK"));
  }
}
