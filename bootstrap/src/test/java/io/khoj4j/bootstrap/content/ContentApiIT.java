package io.khoj4j.bootstrap.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContentApiIT {

  @Inject
  DataSource dataSource;

  private static Response upload(TestUser user, String method, Multipart body) {
    return user.request()
        .contentType(body.contentType())
        .body(body.body())
        .when()
        .request(method, "/api/content");
  }

  private static Response patch(TestUser user, Multipart body) {
    return upload(user, "PATCH", body);
  }

  private static String note(String title, String body) {
    return "# " + title + "\n" + body + "\n";
  }

  @Test
  void emacsStyleBodyIsEchoedByteForByte() {
    TestUser user = TestUsers.create();
    String path = "/home/zoë/notes/日本語 ideas.org";

    Response response = patch(
        user,
        Multipart.files()
            .emacsStyle()
            .add(path, "text/org", "* Idea\nA thought about tea.\n")
            .add("/home/zoë/notes/todo.md", "text/markdown", note("Todo", "buy milk"))
            .add("/home/zoë/notes/plain.txt", "text/plain", "plain words"));

    response.then().statusCode(200).contentType(startsWith("text/plain"));
    assertThat(response.asByteArray())
        .isEqualTo((path + ",/home/zoë/notes/todo.md,/home/zoë/notes/plain.txt")
            .getBytes(StandardCharsets.UTF_8));
    user.request()
        .get("/api/content/types")
        .then()
        .statusCode(200)
        .body("$", containsInAnyOrder("all", "org", "markdown", "plaintext"));
  }

  @org.junit.jupiter.api.Tag("faults")
  @Test
  void aHeadingOnlyOrgNoteIsIndexedListedAndFoundLikeAMarkdownOne() {
    TestUser user = TestUsers.create();

    patch(
            user,
            Multipart.files()
                .add(
                    "/notes/todo.org",
                    "text/org",
                    "* TODO renew the passport\n* TODO call the vet\n"))
        .then()
        .statusCode(200)
        .body(equalTo("/notes/todo.org"));

    user.request()
        .get("/api/content/types")
        .then()
        .statusCode(200)
        .body("$", containsInAnyOrder("all", "org"));
    user.request()
        .get("/api/content/computer")
        .then()
        .statusCode(200)
        .body("$", contains("/notes/todo.org"));
    user.request()
        .queryParam("q", "passport")
        .queryParam("n", 3)
        .get("/api/search")
        .then()
        .statusCode(200)
        .body("[0].additional.file", equalTo("/notes/todo.org"));
  }

  @Test
  void obsidianStyleRelativePathsWithCharsetAreEchoed() {
    TestUser user = TestUsers.create();

    patch(
            user,
            Multipart.files()
                .add("Daily/2024-03-05.md", "text/markdown; charset=utf-8", note("Day", "walk")))
        .then()
        .statusCode(200)
        .body(equalTo("Daily/2024-03-05.md"));
    user.request()
        .get("/api/content/computer")
        .then()
        .statusCode(200)
        .body("$", contains("Daily/2024-03-05.md"));
  }

  @Test
  void anEmptyPartDeletesThatFileAndOnlyThatFile() {
    TestUser user = TestUsers.create();
    patch(
        user,
        Multipart.files()
            .add("a.md", "text/markdown", note("A", "alpha"))
            .add("b.md", "text/markdown", note("B", "beta")));

    patch(user, Multipart.files().add("a.md", "text/markdown", new byte[0]))
        .then()
        .statusCode(200)
        .body(equalTo("a.md"));

    user.request().get("/api/content/computer").then().body("$", contains("b.md"));
    user.request()
        .queryParam("file_name", "a.md")
        .get("/api/content/file")
        .then()
        .statusCode(404);
  }

  @Test
  void putRegeneratesTheUploadedTypesOnly() throws Exception {
    TestUser user = TestUsers.create();
    patch(
        user,
        Multipart.files()
            .add("old.md", "text/markdown", note("Old", "x"))
            .add("keep.org", "text/org", "* Keep\nbody\n")
            .add("same.md", "text/markdown", note("Same", "y")));
    long sameBefore = entryCount(user, "same.md");

    upload(
            user,
            "PUT",
            Multipart.files()
                .add("same.md", "text/markdown", note("Same", "y"))
                .add("new.md", "text/markdown", note("New", "z")))
        .then()
        .statusCode(200)
        .body(equalTo("same.md,new.md"));

    user.request()
        .get("/api/content/computer")
        .then()
        .body("$", containsInAnyOrder("keep.org", "new.md", "same.md"));
    assertThat(entryCount(user, "same.md")).isEqualTo(sameBefore);
  }

  @Test
  void reuploadingUnchangedFilesWritesNothing() throws Exception {
    TestUser user = TestUsers.create();
    Multipart body = Multipart.files()
        .add("n.md", "text/markdown", note("N", "same words"))
        .add("d.pdf", "application/pdf", fixture("pdflatex-4-pages.pdf"));
    patch(user, body).then().statusCode(200);
    Map<String, Object> before = snapshot(user);

    patch(user, body).then().statusCode(200).body(equalTo("n.md,d.pdf"));

    assertThat(snapshot(user)).isEqualTo(before);
  }

  @Test
  void pdfIsIndexedPageByPageAndListedWithPageMarkers() throws Exception {
    TestUser user = TestUsers.create();
    patch(
            user,
            Multipart.files()
                .add("/docs/four.pdf", "application/pdf", fixture("pdflatex-4-pages.pdf")))
        .then()
        .statusCode(200)
        .body(equalTo("/docs/four.pdf"));

    assertThat(entryCount(user, "/docs/four.pdf")).isGreaterThanOrEqualTo(4);
    user.request()
        .queryParam("file_name", "/docs/four.pdf")
        .get("/api/content/file")
        .then()
        .statusCode(200)
        .body("file_name", equalTo("/docs/four.pdf"))
        .body("raw_text", startsWith("Page 1 of /docs/four.pdf:\n\nHello, here is some text"));
  }

  @Test
  void badFilesAreNotEchoedTheRestIsIndexedAndNothingIndexedIsLost() throws Exception {
    TestUser user = TestUsers.create();
    patch(
        user,
        Multipart.files().add("report.pdf", "application/pdf", fixture("pdflatex-4-pages.pdf")));
    long reportChunks = entryCount(user, "report.pdf");
    byte[] pdf = fixture("pdflatex-4-pages.pdf");

    Response response = patch(
        user,
        Multipart.files()
            .add("ok.md", "text/markdown", note("Ok", "fine"))
            .add("report.pdf", "application/pdf", java.util.Arrays.copyOf(pdf, 700))
            .add("secret.pdf", "application/pdf", fixture("libreoffice-writer-password.pdf"))
            .add("bad-utf8.md", "text/markdown", new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28})
            .add("binary.txt", "text/plain", new byte[] {'a', 0, 'b', 0, 1, 2})
            .add("../../etc/passwd.md", "text/markdown", note("X", "y"))
            .add("bell\u0007.md", "text/markdown", note("X", "y"))
            .add(
                "fake.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "not a zip")
            .add("ok2.org", "text/org", "* Ok\nalso fine\n"));

    response.then().statusCode(200).body(equalTo("ok.md,ok2.org"));
    assertThat(entryCount(user, "report.pdf")).isEqualTo(reportChunks);
    given().get("/q/health/ready").then().statusCode(200);
  }

  @Test
  void moreThanAThousandPartsIsA400AndIndexesNothing() throws Exception {
    TestUser user = TestUsers.create();
    Multipart body = Multipart.files();
    for (int i = 0; i <= 1000; i++) {
      body.add("f" + i + ".md", "text/markdown", note("F" + i, "x"));
    }

    patch(user, body)
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body("detail", equalTo("Too many files. Maximum number of files is 1000."));
    user.request().get("/api/content/types").then().body("$", contains("all"));
  }

  @Test
  void invalidTypeParameterIs422() {
    TestUser user = TestUsers.create();

    user.request()
        .contentType(Multipart.files().contentType())
        .queryParam("t", "spreadsheet")
        .body(Multipart.files().add("a.md", "text/markdown", "# A").body())
        .patch("/api/content")
        .then()
        .statusCode(422)
        .body("detail[0].loc", contains("query", "t"));
    user.request().delete("/api/content/type/spreadsheet").then().statusCode(422);
    user.request().delete("/api/content/source/dropbox").then().statusCode(422);
  }

  @Test
  void theTypeParameterIndexesOnlyThatType() {
    TestUser user = TestUsers.create();

    user.request()
        .contentType(Multipart.files().contentType())
        .queryParam("t", "org")
        .body(Multipart.files()
            .add("a.md", "text/markdown", note("A", "x"))
            .add("b.org", "text/org", "* B\ny\n")
            .body())
        .patch("/api/content")
        .then()
        .statusCode(200)
        .body(equalTo("b.org"));
  }

  @Test
  void listingPagingAndDeletingFiles() {
    TestUser user = TestUsers.create();
    Multipart body = Multipart.files();
    for (int i = 0; i < 12; i++) {
      body.add("n" + i + ".md", "text/markdown", note("N" + i, "x".repeat(1500)));
    }
    patch(user, body).then().statusCode(200);

    user.request()
        .get("/api/content/files")
        .then()
        .statusCode(200)
        .body("num_pages", equalTo(2))
        .body("files", hasSize(10))
        .body("files[0].raw_text.length()", equalTo(1000))
        .body(
            "files[0].updated_at",
            org.hamcrest.Matchers.matchesPattern(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00"));
    user.request()
        .queryParam("page", 1)
        .queryParam("truncated", false)
        .get("/api/content/files")
        .then()
        .body("files", hasSize(2))
        .body("files[0].raw_text.length()", org.hamcrest.Matchers.greaterThan(1000));
    for (int past : List.of(2, 214_748_365, Integer.MAX_VALUE)) { // the last two overflow page * 10
      user.request()
          .queryParam("page", past)
          .get("/api/content/files")
          .then()
          .statusCode(200)
          .body("files", empty())
          .body("num_pages", equalTo(2));
    }
    user.request().get("/api/content/size").then().body("indexed_data_size_in_mb", equalTo(1));

    user.request()
        .queryParam("filename", "n0.md")
        .delete("/api/content/file")
        .then()
        .statusCode(201)
        .body("status", equalTo("ok"));
    user.request()
        .contentType("application/json")
        .body("{\"files\":[\"n1.md\",\"n2.md\"]}")
        .delete("/api/content/files")
        .then()
        .statusCode(201)
        .body("deleted_count", equalTo(2));
    user.request().get("/api/content/computer").then().body("$", hasSize(9));
    user.request()
        .delete("/api/content/type/markdown")
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"));
    user.request().get("/api/content/computer").then().body("$", empty());
    user.request()
        .get("/api/content/files")
        .then()
        .body("files", empty())
        .body("num_pages", equalTo(0));
  }

  @Test
  void deletingBySourceAndAll() {
    TestUser user = TestUsers.create();
    patch(
        user,
        Multipart.files()
            .add("a.md", "text/markdown", note("A", "x"))
            .add("b.org", "text/org", "* B\ny"));

    user.request().delete("/api/content/source/computer").then().statusCode(200);
    user.request().get("/api/content/types").then().body("$", contains("all"));

    patch(user, Multipart.files().add("c.md", "text/markdown", note("C", "x")));
    user.request().delete("/api/content/type/all").then().statusCode(200);
    user.request().get("/api/content/files").then().body("files", empty());
  }

  @Test
  void badInputOnListingAndDeletingRoutes() {
    TestUser user = TestUsers.create();

    user.request()
        .get("/api/content/file")
        .then()
        .statusCode(422)
        .body("detail[0].type", equalTo("missing"));
    user.request()
        .queryParam("file_name", "nope.md")
        .get("/api/content/file")
        .then()
        .statusCode(404)
        .body("detail", equalTo("File not found"));
    user.request()
        .queryParam("filename", "nope.md")
        .delete("/api/content/file")
        .then()
        .statusCode(404);
    user.request().delete("/api/content/file").then().statusCode(422);
    user.request()
        .contentType("application/json")
        .body("{\"files\": \"a.md\"}")
        .delete("/api/content/files")
        .then()
        .statusCode(422);
    user.request()
        .contentType("application/json")
        .body("{not json")
        .delete("/api/content/files")
        .then()
        .statusCode(422)
        .body("detail[0].type", equalTo("json_invalid"));
    user.request().queryParam("page", "two").get("/api/content/files").then().statusCode(422);
    user.request().queryParam("page", -1).get("/api/content/files").then().statusCode(422);
    user.request().get("/api/content/dropbox").then().statusCode(200).body("$", empty());
  }

  @Test
  void everyContentRouteNeedsCredentials() {
    Multipart body = Multipart.files().add("a.md", "text/markdown", "# A");
    given()
        .contentType(body.contentType())
        .body(body.body())
        .patch("/api/content")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    given()
        .contentType(body.contentType())
        .body(body.body())
        .put("/api/content")
        .then()
        .statusCode(403);
    for (String path : List.of(
        "/api/content/types",
        "/api/content/files",
        "/api/content/file?file_name=a",
        "/api/content/size",
        "/api/content/computer")) {
      given().get(path).then().statusCode(403).body("detail", equalTo("Forbidden"));
    }
    given().delete("/api/content/file?filename=a").then().statusCode(403);
    given().delete("/api/content/type/all").then().statusCode(403);
    given().delete("/api/content/source/computer").then().statusCode(403);
    given()
        .header("Authorization", "Bearer kk-invalid")
        .get("/api/content/types")
        .then()
        .statusCode(403);
  }

  @Test
  void anotherUserSeesAndDeletesNothingOfMine() throws Exception {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    patch(
        alice,
        Multipart.files().add("/alice/diary.md", "text/markdown", note("Diary", "my secret")));
    long aliceChunks = entryCount(alice, "/alice/diary.md");

    bob.request().get("/api/content/types").then().body("$", contains("all"));
    bob.request().get("/api/content/computer").then().body("$", empty());
    bob.request().get("/api/content/files").then().body("files", empty());
    bob.request()
        .queryParam("file_name", "/alice/diary.md")
        .get("/api/content/file")
        .then()
        .statusCode(404);
    bob.request().get("/api/content/size").then().body("indexed_data_size_in_mb", equalTo(0));
    bob.request()
        .queryParam("filename", "/alice/diary.md")
        .delete("/api/content/file")
        .then()
        .statusCode(404);
    bob.request()
        .contentType("application/json")
        .body("{\"files\":[\"/alice/diary.md\"]}")
        .delete("/api/content/files")
        .then()
        .statusCode(201)
        .body("deleted_count", equalTo(0));
    bob.request().delete("/api/content/type/all").then().statusCode(200);
    bob.request().delete("/api/content/source/computer").then().statusCode(200);
    patch(bob, Multipart.files().add("/alice/diary.md", "text/markdown", new byte[0]))
        .then()
        .statusCode(200);

    assertThat(entryCount(alice, "/alice/diary.md")).isEqualTo(aliceChunks).isPositive();
    alice
        .request()
        .queryParam("file_name", "/alice/diary.md")
        .get("/api/content/file")
        .then()
        .statusCode(200);
  }

  @Test
  void seventyConcurrentUploadsLeaveExactlyOneSetOfEntriesPerFile() throws Exception {
    TestUser racer = TestUsers.create();
    TestUser reference = TestUsers.create();
    List<String[]> corpus = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      corpus.add(new String[] {
        "/notes/n" + i + ".md",
        note("Note " + i, ("topic" + (i % 17) + " detail" + i + " ").repeat(5 + i % 40))
      });
    }
    Multipart all = Multipart.files();
    corpus.forEach(f -> all.add(f[0], "text/markdown", f[1]));
    patch(reference, all).then().statusCode(200);

    ExecutorService pool = Executors.newFixedThreadPool(70);
    List<Callable<Integer>> requests = new ArrayList<>();
    for (int r = 0; r < 70; r++) {
      Multipart batch = Multipart.files().emacsStyle();
      for (int k = 0; k < 30; k++) {
        String[] f = corpus.get((r * 7 + k) % corpus.size());
        batch.add(f[0], "text/markdown", f[1]);
      }
      requests.add(() -> patch(racer, batch).statusCode());
    }
    List<Future<Integer>> results = pool.invokeAll(requests);
    pool.shutdown();
    for (Future<Integer> result : results) {
      assertThat(result.get()).isEqualTo(200);
    }

    Map<String, Set<String>> raced = hashesByFile(racer);
    Map<String, Set<String>> expected = hashesByFile(reference);
    assertThat(raced).isEqualTo(expected);
    assertThat(rowCount(racer)).isEqualTo(rowCount(reference));
  }

  // ------------------------------------------------------------------ helpers

  private static byte[] fixture(String name) throws Exception {
    try (var in = ContentApiIT.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }

  private long entryCount(TestUser user, String file) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "select count(*) from entries where user_id = ? and file_path = ?")) {
      ps.setObject(1, user.id().value());
      ps.setString(2, file);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long rowCount(TestUser user) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from entries where user_id = ?")) {
      ps.setObject(1, user.id().value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private Map<String, Set<String>> hashesByFile(TestUser user) throws Exception {
    Map<String, Set<String>> out = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select file_path, content_hash from entries where user_id = ?")) {
      ps.setObject(1, user.id().value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        }
      }
    }
    return out;
  }

  /** Every row of the user's entries and file records: equal snapshots mean nothing was written. */
  private Map<String, Object> snapshot(TestUser user) throws Exception {
    Map<String, Object> out = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (String sql : List.of(
          "select id::text, created_at::text from entries where user_id = ? order by 1",
          "select id::text, updated_at::text from indexed_files where user_id = ? order by 1")) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setObject(1, user.id().value());
          List<String> rows = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              rows.add(rs.getString(1) + "@" + rs.getString(2));
            }
          }
          out.put(sql, rows);
        }
      }
    }
    return out;
  }
}
