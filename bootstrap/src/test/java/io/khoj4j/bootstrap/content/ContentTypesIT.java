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
import java.util.List;
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

  private HttpResponse<String> send(TestUser user, String method, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/content"))
        .header("Authorization", "Bearer " + user.token())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
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
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"detail\"", "multipart/form-data");
      }
    }
    assertThat(alice.request().get("/api/content/files").then().statusCode(200).extract().<List<?>>path("files"))
        .isEmpty();
  }

  @Test
  void multipartWithoutABoundaryIsRefused() throws Exception {
    TestUser alice = TestUsers.create();
    HttpResponse<String> response = send(alice, "PATCH", "multipart/form-data",
        "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.md\"\r\n\r\n# A\r\n--x--\r\n");

    assertThat(response.statusCode()).isIn(400, 415, 422);
    assertThat(response.body()).contains("\"detail\"");
  }

  @Test
  void noBodyAtAllIsStillAnEmptySync() throws Exception {
    TestUser alice = TestUsers.create();
    HttpResponse<String> response = send(alice, "PATCH", null, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }
}
