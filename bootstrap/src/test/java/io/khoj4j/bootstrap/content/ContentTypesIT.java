package io.khoj4j.bootstrap.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT|PATCH /api/content} take files as multipart/form-data, or no body at all (Khoj's web app syncs its
 * connectors that way). Any other body was answered 200 with an empty echo, as if nothing was wrong; it is now refused
 * with a JSON reason, and nothing is indexed.
 */
@QuarkusTest
@Tag("faults")
class ContentTypesIT {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(TestUser user, String method, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + RestAssured.port + "/api/content"))
        .header("Authorization", "Bearer " + user.token())
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void bodiesThatAreNotMultipartAreRefusedWithAReason() throws Exception {
    TestUser alice = TestUsers.create();
    record Case(String contentType, String body) {}
    for (String method : List.of("PUT", "PATCH")) {
      for (Case c : List.of(
          new Case("application/json", "{\"files\": [\"notes.md\"]}"),
          new Case("application/x-www-form-urlencoded", "files=notes.md"),
          new Case("text/plain", "# notes"),
          new Case("application/octet-stream", "# notes"))) {
        HttpResponse<String> response = send(alice, method, c.contentType(), c.body());
        assertThat(response.statusCode()).as(method + " " + c.contentType()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"detail\"", "multipart/form-data");
      }
    }
    assertThat(alice
            .request()
            .get("/api/content/files")
            .then()
            .statusCode(200)
            .extract()
            .<List<?>>path("files"))
        .isEmpty();
  }

  @Test
  void multipartWithoutABoundaryIsRefused() throws Exception {
    TestUser alice = TestUsers.create();
    HttpResponse<String> response = send(
        alice,
        "PATCH",
        "multipart/form-data",
        "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.md\"\r\n\r\n# A\r\n--x--\r\n");

    assertThat(response.statusCode()).isIn(400, 415, 422);
    assertThat(response.body()).contains("\"detail\"");
  }

  private static String part(String boundary, String headers, String content) {
    return "--" + boundary + "\r\n" + headers + "\r\n\r\n" + content + "\r\n";
  }

  private static String file(String name, String content) {
    return part(
        "x",
        "Content-Disposition: form-data; name=\"files\"; filename=\"" + name + "\"\r\n"
            + "Content-Type: text/markdown",
        content);
  }

  /**
   * Bodies that claim multipart/form-data but do not parse as it were answered 500, logged as server faults. Each is
   * the client's mistake: a 400 that says what is wrong, and nothing of the body indexed.
   */
  @Test
  void malformedMultipartBodiesAreClientErrorsWithAReason() throws Exception {
    TestUser alice = TestUsers.create();
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("empty body", "");
    bodies.put("no closing boundary", file("a.md", "# A"));
    bodies.put(
        "another boundary than declared", file("b.md", "# B").replace("--x", "--y") + "--y--\r\n");
    bodies.put("not multipart at all", "hello world");
    bodies.put(
        "part header without a colon",
        part("x", "Content-Disposition form-data; name=\"files\"; filename=\"c.md\"", "# C")
            + "--x--\r\n");
    bodies.put("carriage return in a file name", file("d\r.md", "# D") + "--x--\r\n");
    for (String method : List.of("PUT", "PATCH")) {
      for (Map.Entry<String, String> body : bodies.entrySet()) {
        HttpResponse<String> response =
            send(alice, method, "multipart/form-data; boundary=x", body.getValue());
        assertThat(response.statusCode()).as(method + " " + body.getKey()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
            .as(body.getKey())
            .contains("\"detail\":\"Malformed multipart body");
      }
    }
    assertThat(alice
            .request()
            .get("/api/content/files")
            .then()
            .statusCode(200)
            .extract()
            .<List<?>>path("files"))
        .isEmpty();
  }

  /** Past the parser's own limit of parts (10,000) the answer is Khoj's documented one, not a 500. */
  @Test
  void twentyThousandPartsAreTooManyFiles() throws Exception {
    TestUser alice = TestUsers.create();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      body.append(file("f" + i + ".md", "# F" + i));
    }
    body.append("--x--\r\n");

    HttpResponse<String> response =
        send(alice, "PATCH", "multipart/form-data; boundary=x", body.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo("{\"detail\":\"Too many files. Maximum number of files is 1000.\"}");
    assertThat(alice
            .request()
            .get("/api/content/files")
            .then()
            .statusCode(200)
            .extract()
            .<List<?>>path("files"))
        .isEmpty();
  }

  /** The same parser failures on another multipart route are 400s too, in that route's words. */
  @Test
  void malformedMultipartOnConvertIsAClientError() throws Exception {
    TestUser alice = TestUsers.create();
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + RestAssured.port + "/api/content/convert"))
        .header("Authorization", "Bearer " + alice.token())
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString(file("a.md", "# A")))
        .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Malformed multipart body");
  }

  @Test
  void noBodyAtAllIsStillAnEmptySync() throws Exception {
    TestUser alice = TestUsers.create();
    HttpResponse<String> response = send(alice, "PATCH", null, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }
}
