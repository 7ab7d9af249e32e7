package io.khoj4j.bootstrap.content;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken uploads end to end (issue 25 items 1 and 10): the echo names only what was indexed, as Khoj's
 * clients expect, and the refused files are listed with their reasons under {@code refused} of
 * {@code GET /api/content/files} until they are indexed or deleted.
 */
@QuarkusTest
@Tag("security")
class RefusedUploadsIT {

  private static Response patch(TestUser user, Multipart body) {
    return user.request().contentType(body.contentType()).body(body.body()).patch("/api/content");
  }

  @Test
  void aZipBombAndAGiantImageAreRefusedWithReasonsTheUserCanSeeAndTheRestIsIndexed()
      throws Exception {
    TestUser user = TestUsers.create();

    patch(
            user,
            Multipart.files()
                .add("/notes/fine.md", "text/markdown", "# Fine\nA note about herons.\n")
                .add(
                    "/docs/bomb.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docxWithTextRun(64 << 20))
                .add("/photos/huge.png", "image/png", pngHeaderOnly(30000, 30000)))
        .then()
        .statusCode(200)
        .body(equalTo("/notes/fine.md"));

    user.request()
        .get("/api/content/files")
        .then()
        .statusCode(200)
        .body("files.file_name", contains("/notes/fine.md"))
        .body("refused", hasSize(2))
        .body(
            "refused.find { it.file_name == '/docs/bomb.docx' }.reason", containsString("zip bomb"))
        .body(
            "refused.find { it.file_name == '/photos/huge.png' }.reason",
            containsString("30000 × 30000 pixels"))
        .body(
            "refused[0].refused_at",
            matchesPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00"));
  }

  @Test
  void aPdfWhosePageStreamIsACompressionBombIsRefusedWithAReasonTheUserCanSee() throws Exception {
    TestUser user = TestUsers.create();

    patch(
            user,
            Multipart.files()
                .add("/notes/fine.md", "text/markdown", "# Fine\nA note about herons.\n")
                .add("/docs/bomb.pdf", "application/pdf", pdfWithDeflatedSpaces(512)))
        .then()
        .statusCode(200)
        .body(equalTo("/notes/fine.md"));

    user.request()
        .get("/api/content/files")
        .then()
        .statusCode(200)
        .body("files.file_name", contains("/notes/fine.md"))
        .body("refused.file_name", contains("/docs/bomb.pdf"))
        .body(
            "refused[0].reason",
            matchesPattern(
                "a compression bomb: its object \\d+ 0 decodes to more than 100 times its compressed size"));
  }

  @Test
  void aRefusedFileLeavesTheListOnceIndexedOrDeletedAndOnlyItsOwnerSeesIt() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    patch(
            alice,
            Multipart.files()
                .add("/docs/scan.pdf", "application/pdf", "not a pdf at all")
                .add("/docs/other.pdf", "application/pdf", "not a pdf either"))
        .then()
        .statusCode(200)
        .body(equalTo(""));
    patch(bob, Multipart.files().add("/docs/scan.pdf", "application/pdf", "bob's broken one"));

    alice
        .request()
        .get("/api/content/files")
        .then()
        .body(
            "refused.file_name",
            org.hamcrest.Matchers.containsInAnyOrder("/docs/scan.pdf", "/docs/other.pdf"));
    bob.request()
        .get("/api/content/files")
        .then()
        .body("refused.file_name", contains("/docs/scan.pdf"));

    patch(
            alice,
            Multipart.files()
                .add("/docs/scan.pdf", "text/markdown", "# Scan\nNow readable text.\n"))
        .then()
        .body(equalTo("/docs/scan.pdf"));
    alice
        .request()
        .get("/api/content/files")
        .then()
        .body("refused.file_name", contains("/docs/other.pdf"));
    alice
        .request()
        .queryParam("filename", "/docs/other.pdf")
        .delete("/api/content/file")
        .then()
        .statusCode(201);
    alice.request().get("/api/content/files").then().body("refused", empty());
    alice
        .request()
        .queryParam("filename", "/docs/other.pdf")
        .delete("/api/content/file")
        .then()
        .statusCode(404);

    bob.request()
        .get("/api/content/files")
        .then()
        .body("refused.file_name", contains("/docs/scan.pdf"))
        .body("refused[0].reason", containsString("declared pdf"));
  }

  @Test
  void listingRefusalsNeedsASignedInUser() {
    io.restassured.RestAssured.given().get("/api/content/files").then().statusCode(403);
  }

  /** A one-page PDF whose content stream is {@code mib} MiB of spaces, deflated: about 1/1000 of that on disk. */
  private static byte[] pdfWithDeflatedSpaces(int mib) throws Exception {
    try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      var page = new org.apache.pdfbox.pdmodel.PDPage();
      doc.addPage(page);
      var stream = doc.getDocument().createCOSStream();
      var deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
      try (var raw = stream.createRawOutputStream();
          var z = new java.util.zip.DeflaterOutputStream(raw, deflater, 1 << 16)) {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < mib; i++) {
          z.write(chunk);
        }
      } finally {
        deflater.end();
      }
      stream.setItem(
          org.apache.pdfbox.cos.COSName.FILTER, org.apache.pdfbox.cos.COSName.FLATE_DECODE);
      page.setContents(new org.apache.pdfbox.pdmodel.common.PDStream(stream));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** The python-docx fixture with {@code bytes} of one letter in its first text run: tiny zipped, huge unpacked. */
  private static byte[] docxWithTextRun(int bytes) throws Exception {
    byte[] docx;
    try (var in =
        RefusedUploadsIT.class.getResourceAsStream("/fixtures/par-known-paragraphs.docx")) {
      docx = in.readAllBytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("word/document.xml")) {
          String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          int at = xml.indexOf("<w:t>") + 5;
          zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
          byte[] block = new byte[1 << 20];
          Arrays.fill(block, (byte) 'a');
          for (int left = bytes; left > 0; left -= block.length) {
            zip.write(block, 0, Math.min(left, block.length));
          }
          zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A PNG signature and an IHDR chunk declaring the size; no pixel data. */
  private static byte[] pngHeaderOnly(int width, int height) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(out);
    data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream chunk = new DataOutputStream(ihdr);
    chunk.writeBytes("IHDR");
    chunk.writeInt(width);
    chunk.writeInt(height);
    chunk.write(new byte[] {8, 0, 0, 0, 0});
    data.writeInt(13);
    data.write(ihdr.toByteArray());
    CRC32 crc = new CRC32();
    crc.update(ihdr.toByteArray());
    data.writeInt((int) crc.getValue());
    return out.toByteArray();
  }
}
