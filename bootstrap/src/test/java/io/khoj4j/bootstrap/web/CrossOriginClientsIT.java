package io.khoj4j.bootstrap.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Obsidian's chat pane calls the server with fetch() from app://obsidian.md (capacitor://localhost on mobile): the
 * browser sends a preflight first, and reads an answer only when it names that origin.
 */
@QuarkusTest
@Tag("security")
class CrossOriginClientsIT {

  @Test
  void obsidiansPreflightIsAnsweredWithoutCredentialsAndItsRequestsAreReadable() {
    TestUser alice = TestUsers.create();
    given()
        .header("Origin", "app://obsidian.md")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .options("/api/chat")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "app://obsidian.md")
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", "authorization,content-type")
        .header("Access-Control-Allow-Credentials", nullValue());

    alice
        .request()
        .header("Origin", "app://obsidian.md")
        .get("/api/chat/sessions")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "app://obsidian.md")
        .header("Vary", containsString("Origin"));
    alice
        .request()
        .header("Origin", "capacitor://localhost")
        .post("/api/chat/sessions")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "capacitor://localhost");
    // a refusal is readable too, so the client can show why
    given()
        .header("Origin", "app://obsidian.md")
        .get("/api/chat/sessions")
        .then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", "app://obsidian.md");
  }

  @Test
  void otherOriginsGetNoCorsHeadersButAreNotRefusedHere() {
    TestUser alice = TestUsers.create();
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET")
        .options("/api/chat/sessions")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
    // a bearer client from another origin is answered; the browser keeps the answer from that page
    alice
        .request()
        .header("Origin", "https://evil.example")
        .get("/api/chat/sessions")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue());
    // the web client behind a proxy that ends TLS: its Origin (https) is not the request's scheme
    // (http)
    alice
        .request()
        .header("Origin", "https://localhost")
        .post("/api/chat/sessions")
        .then()
        .statusCode(200);
    given().header("Origin", "https://evil.example").get("/api/health").then().statusCode(200);
  }
}
