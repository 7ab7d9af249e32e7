package io.khoj4j.adapter.web.in.page;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web client the operator built as a static export ({@code khoj.web-client.static-export}), served instead of the built-in
 * client at the same page routes: Khoj's own web app built with Next.js {@code output: 'export'}, or any export laid
 * out the same way ({@code chat/index.html} or {@code chat.html} per route, {@code index.html} for {@code /}, assets
 * under {@code /_next}). A route the export has no page for falls back to the built-in client.
 *
 * <p>Next.js writes its bootstrap as inline scripts. Rather than allow every inline script, each page is served with a
 * Content-Security-Policy that lists the SHA-256 of exactly the inline scripts in that file, so nothing injected later
 * (by model output or notes rendered into the page) can run. Inline styles are allowed on export pages: Next.js and
 * its component libraries set them, and a style cannot run code.
 */
public final class StaticExport {

  private static final Pattern INLINE_SCRIPT = Pattern.compile(
      "<script(?![^>]*\\ssrc\\s*=)[^>]*>(.*?)</script\\s*>",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** A page's HTML and its policy, read once per file version. */
  private record Page(long modified, long size, String html, String csp) {}

  private final Optional<Path> root;
  private final Map<Path, Page> pages = new ConcurrentHashMap<>();

  /** No export: the built-in client serves every page. */
  public static final StaticExport NONE = new StaticExport(Optional.empty());

  public StaticExport(Optional<Path> root) {
    this.root = root.map(p -> p.toAbsolutePath().normalize());
  }

  /**
   * The export in {@code folder}.
   *
   * @throws IllegalArgumentException when the folder does not exist or has no {@code index.html}
   */
  public static StaticExport of(Path folder) {
    Path root = folder.toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("index.html"))) {
      throw new IllegalArgumentException(
          "khoj.web-client.static-export: " + root + " is not a static web export (no index.html)");
    }
    return new StaticExport(Optional.of(root));
  }

  public boolean enabled() {
    return root.isPresent();
  }

  /**
   * The export's page for a route ({@code ""}, {@code chat}, {@code share/chat}, …), with its policy; empty when there
   * is no export or it has no such page.
   */
  public Optional<Response> page(String route) {
    String base = route.isEmpty() ? "index" : route;
    List<String> candidates =
        route.isEmpty() ? List.of("index.html") : List.of(base + "/index.html", base + ".html");
    for (String candidate : candidates) {
      Optional<Path> file = file(candidate);
      if (file.isPresent()) {
        Page page = read(file.get());
        return Optional.of(Response.ok(page.html(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
            .header("Content-Security-Policy", page.csp())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .build());
      }
    }
    return Optional.empty();
  }

  /**
   * A file of the export by its URL path (without the leading slash): a regular file inside the folder, never outside
   * it (no {@code ..}, no link out of it), never a dot-file; empty otherwise.
   */
  public Optional<Path> file(String urlPath) {
    if (root.isEmpty() || urlPath.isEmpty() || urlPath.contains("\\") || urlPath.contains("\0")) {
      return Optional.empty();
    }
    for (String segment : urlPath.split("/")) {
      if (segment.isEmpty() || segment.startsWith(".")) {
        return Optional.empty();
      }
    }
    Path file = root.get().resolve(urlPath).normalize();
    if (!file.startsWith(root.get()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return file.toRealPath().startsWith(root.get().toRealPath())
          ? Optional.of(file)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Page read(Path file) {
    try {
      long modified = Files.getLastModifiedTime(file).toMillis();
      long size = Files.size(file);
      Page cached = pages.get(file);
      if (cached != null && cached.modified() == modified && cached.size() == size) {
        return cached;
      }
      String html = Files.readString(file, StandardCharsets.UTF_8);
      Page page = new Page(modified, size, html, policy(html));
      pages.put(file, page);
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the static export page " + file + " failed", e);
    }
  }

  /** The built-in client's policy, with the hashes of this page's inline scripts and inline styles allowed. */
  static String policy(String html) {
    Set<String> hashes = new LinkedHashSet<>();
    Matcher m = INLINE_SCRIPT.matcher(html);
    while (m.find()) {
      hashes.add("'sha256-" + sha256(m.group(1)) + "'");
    }
    String scripts = "script-src 'self'" + (hashes.isEmpty() ? "" : " " + String.join(" ", hashes));
    return WebPage.CSP
        .replace("script-src 'self'", scripts)
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
