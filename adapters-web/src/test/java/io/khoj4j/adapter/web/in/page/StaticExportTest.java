package io.khoj4j.adapter.web.in.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's static export: which file serves which route, the policy of its pages, and what is never served. */
class StaticExportTest {

  static final String BOOT = "self.__next_f.push([1,\"chat\"])";

  @TempDir
  Path dir;

  @TempDir
  Path outside;

  private StaticExport export() throws IOException {
    Path root = dir.resolve("out");
    Files.createDirectories(root.resolve("chat"));
    Files.createDirectories(root.resolve("share/chat"));
    Files.createDirectories(root.resolve("_next/static/chunks"));
    Files.writeString(root.resolve("index.html"), "<html>home</html>");
    Files.writeString(
        root.resolve("chat/index.html"),
        "<html><script src=\"/_next/static/chunks/app.js\" async></script><script>" + BOOT
            + "</script><SCRIPT type=\"text/javascript\">\nvar a = 1;\n</SCRIPT></html>");
    Files.writeString(root.resolve("search.html"), "<html>search</html>");
    Files.writeString(root.resolve("share/chat/index.html"), "<html>shared</html>");
    Files.writeString(root.resolve("_next/static/chunks/app.js"), "console.log(1)");
    Files.writeString(root.resolve(".env"), "SECRET=1");
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(root.resolve("leak.txt"), outside.resolve("secret.txt"));
    return StaticExport.of(root);
  }

  private static String sha256(String text) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void eachRouteIsServedFromItsFolderOrItsHtmlFile() throws IOException {
    StaticExport export = export();

    assertThat(export.page("").orElseThrow().getEntity()).isEqualTo("<html>home</html>");
    assertThat((String) export.page("chat").orElseThrow().getEntity()).contains(BOOT);
    assertThat(export.page("search").orElseThrow().getEntity()).isEqualTo("<html>search</html>");
    assertThat(export.page("share/chat").orElseThrow().getEntity())
        .isEqualTo("<html>shared</html>");
    assertThat(export.page("agents"))
        .as("no page: the built-in client serves it")
        .isEmpty();
    assertThat(StaticExport.NONE.page("chat")).isEmpty();
    assertThat(StaticExport.NONE.enabled()).isFalse();
  }

  @Test
  void aPageMayRunExactlyItsOwnInlineScriptsAndNothingElseInline() throws Exception {
    Response chat = export().page("chat").orElseThrow();
    String csp = chat.getHeaderString("Content-Security-Policy");

    assertThat(csp)
        .contains("script-src 'self' 'sha256-" + sha256(BOOT) + "' 'sha256-"
            + sha256("\nvar a = 1;\n") + "';")
        .contains("style-src 'self' 'unsafe-inline'")
        .contains("frame-ancestors 'none'")
        .contains("object-src 'none'");
    assertThat(
            csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(chat.getHeaderString("Cache-Control")).isEqualTo("no-store");
    assertThat(StaticExport.policy("<html>no script</html>")).contains("script-src 'self';");
  }

  @Test
  void onlyRegularFilesInsideTheFolderAreServed() throws IOException {
    StaticExport export = export();

    assertThat(export.file("_next/static/chunks/app.js")).isPresent();
    assertThat(export.file("_next/../index.html")).isEmpty();
    assertThat(export.file("../" + outside.getFileName() + "/secret.txt")).isEmpty();
    assertThat(export.file("leak.txt")).as("a link out of the folder").isEmpty();
    assertThat(export.file(".env")).isEmpty();
    assertThat(export.file("_next")).as("a folder").isEmpty();
    assertThat(export.file("_next\\static\\chunks\\app.js")).isEmpty();
    assertThat(export.file("/etc/passwd")).isEmpty();
    assertThat(export.file("")).isEmpty();
  }

  @Test
  void aFolderThatIsNoExportIsRefusedAtStart() {
    assertThatThrownBy(() -> StaticExport.of(dir.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no index.html");
  }
}
