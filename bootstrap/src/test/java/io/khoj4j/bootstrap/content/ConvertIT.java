package io.khoj4j.bootstrap.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code POST /api/content/convert}: chat attachments become text, nothing is indexed. */
@QuarkusTest
class ConvertIT {

  private static Response convert(TestUser user, Multipart body) {
    return user.request()
        .contentType(body.contentType())
        .body(body.body())
        .post("/api/content/convert");
  }

  private static byte[] fixture(String name) throws Exception {
    try (var in = ConvertIT.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void textFilesComeBackWithTypeAndUtf8Size() {
    TestUser user = TestUsers.create();
    String text = "# Café\nNotes about crêpes.\n";

    convert(
            user,
            Multipart.files()
                .add("café.md", "text/markdown", text)
                .add("todo.org", "text/org", "* TODO tea\n"))
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("$", hasSize(2))
        .body("[0].name", equalTo("café.md"))
        .body("[0].content", equalTo(text))
        .body("[0].file_type", equalTo("markdown"))
        .body("[0].size", equalTo(text.getBytes(StandardCharsets.UTF_8).length))
        .body("[1].file_type", equalTo("org"));
    user.request()
        .get("/api/content/types")
        .then()
        .statusCode(200)
        .body("$", equalTo(java.util.List.of("all")));
  }

  @Test
  void pdfPagesAreJoinedWithPageMarkers() throws Exception {
    TestUser user = TestUsers.create();

    String content = convert(
            user,
            Multipart.files().add("four.pdf", "application/pdf", fixture("pdflatex-4-pages.pdf")))
        .then()
        .statusCode(200)
        .body("[0].file_type", equalTo("pdf"))
        .extract()
        .path("[0].content");

    assertThat(content).startsWith("Page 1 of four.pdf:\n\n").contains("Page 4 of four.pdf:");
  }

  @Test
  void anOverLargeFileIs413() {
    TestUser user = TestUsers.create();
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(big, (byte) 'a');

    convert(user, Multipart.files().add("big.txt", "text/plain", big))
        .then()
        .statusCode(413)
        .body("detail", containsString("big.txt"));
  }

  @Test
  void imagesAreNotChatAttachments() {
    TestUser user = TestUsers.create();
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };

    convert(user, Multipart.files().add("photo.png", "image/png", png))
        .then()
        .statusCode(415)
        .body("detail", containsString("photo.png"));
  }

  @Test
  void aDamagedPdfIs422AndAnEmptyRequestIs400() {
    TestUser user = TestUsers.create();

    convert(
            user,
            Multipart.files()
                .add("broken.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8)))
        .then()
        .statusCode(422)
        .body("detail", containsString("broken.pdf"));
    convert(user, Multipart.files().add("empty.md", "text/markdown", "")).then().statusCode(422);
    user.request()
        .contentType("multipart/form-data; boundary=" + Multipart.BOUNDARY)
        .body(("--" + Multipart.BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII))
        .post("/api/content/convert")
        .then()
        .statusCode(400)
        .body("detail", containsString("files"));
  }

  @Test
  void anonymousCallersAreRefused() {
    Multipart body = Multipart.files().add("a.md", "text/markdown", "# a\n");
    given()
        .contentType(body.contentType())
        .body(body.body())
        .post("/api/content/convert")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
  }
}
