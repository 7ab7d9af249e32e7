package io.khoj4j.bootstrap.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request bodies read into memory are capped: a chat request at khoj.chat.max-request-size (1 MB here), any other
 * route's at khoj.http.max-request-size (512 KB here); a larger one is refused with 413 JSON and does nothing. The
 * multipart uploads, whose files go to disk, are not capped by either.
 */
@QuarkusTest
@TestProfile(RequestBodyLimitIT.SmallBodies.class)
class RequestBodyLimitIT {

  public static class SmallBodies implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("khoj.chat.max-request-size", "1M", "khoj.http.max-request-size", "512K");
    }
  }

  private static String body(int attachedChars) {
    return "{\"q\":\"/general summarise the attachment\",\"files\":[{\"name\":\"big.txt\",\"content\":\""
        + "a".repeat(attachedChars) + "\",\"file_type\":\"plaintext\"}]}";
  }

  @Test
  void aBodyAboveTheLimitIs413JsonWhetherItsLengthIsDeclaredOrNot() throws Exception {
    FakeOpenAi.removeAllModels(TestUsers.createAdmin());
    TestUser user = TestUsers.create();
    String tooLarge = body(1_100_000);

    io.restassured.response.Response declared =
        user.request().contentType("application/json").body(tooLarge).post("/api/chat?client=test");
    HttpResponse<String> chunked = HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/chat"))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(tooLarge.getBytes(StandardCharsets.UTF_8))))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.contentType()).startsWith("application/json");
    assertThat(declared.jsonPath().getString("detail"))
        .isEqualTo("Request body too large: at most 1 MB.");
    assertThat(chunked.request().headers().firstValue("Content-Length")).isEmpty();
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(ChatApiIT.json(chunked.body()).path("detail").asText())
        .isEqualTo("Request body too large: at most 1 MB.");
    user.request()
        .get("/api/chat/stats")
        .then()
        .statusCode(200)
        .body("num_conversations", equalTo(0));
  }

  @Test
  void aBodyWithinTheLimitIsAnswered() {
    FakeOpenAi.removeAllModels(TestUsers.createAdmin());
    TestUser user = TestUsers.create();

    user.request()
        .contentType("application/json")
        .body(body(900_000))
        .post("/api/chat")
        .then()
        .statusCode(200)
        .body("response", org.hamcrest.Matchers.containsString("No language model is configured"));

    user.request()
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat[0].queryFiles[0].name", equalTo("big.txt"));
    user.request().get("/api/chat/stats").then().body("num_conversations", equalTo(1));
  }

  @Test
  void anotherRoutesBodyAboveItsLimitIs413JsonAndCreatesNothing() throws Exception {
    TestUser user = TestUsers.create();
    String persona = "p".repeat(600_000);
    String agent =
        "{\"name\":\"Verbose\",\"persona\":\"" + persona + "\",\"privacy_level\":\"private\"}";

    io.restassured.response.Response declared =
        user.request().contentType("application/json").body(agent).post("/api/agents");
    HttpResponse<String> chunked = HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + "/api/agents"))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(agent.getBytes(StandardCharsets.UTF_8))))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.jsonPath().getString("detail"))
        .isEqualTo("Request body too large: at most 0.50 MB.");
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(ChatApiIT.json(chunked.body()).path("detail").asText())
        .isEqualTo("Request body too large: at most 0.50 MB.");
    assertThat(user.request()
            .get("/api/agents")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("name", String.class))
        .doesNotContain("Verbose");
  }

  @Test
  void anUploadIsNotCappedByTheLimitOfBodiesReadIntoMemory() {
    TestUser user = TestUsers.create();
    byte[] large = new byte[700_000]; // over 512 KB, as a file the server does not index

    String echo = user.request()
        .multiPart("files", "/tools/big.exe", large, "application/octet-stream")
        .multiPart(
            "files",
            "/notes/small.md",
            "# Small\nnote".getBytes(StandardCharsets.UTF_8),
            "text/markdown")
        .patch("/api/content")
        .then()
        .statusCode(200)
        .extract()
        .asString();

    assertThat(echo).isEqualTo("/notes/small.md");
  }
}
