package io.khoj4j.adapter.web.in.page;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML shell of khoj4j's web client: one small page per route that names itself ({@code data-page}) and loads the
 * client's ES modules from {@code /assets}. The page carries no user data and no secret, only which sign-in ways the
 * server offers; everything else the scripts read from the JSON API with the session cookie.
 *
 * <p>Its Content-Security-Policy allows scripts and styles from this server only: no inline script, no
 * {@code eval}, so markup that slips into a rendered answer cannot run.
 */
public final class WebPage {

  /**
   * Scripts and styles only from this origin; images also as data/blob URIs and from https (generated images); audio
   * also as blob URIs (an answer read aloud is played from the fetched bytes).
   */
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data: blob: https:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
      + "object-src 'none'; "
      + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private WebPage() {}

  /** The shell of {@code page}, titled {@code title}, with {@code data-*} attributes for the scripts. */
  public static Response of(String page, String title, Map<String, String> data) {
    StringBuilder attributes = new StringBuilder();
    attributes.append(" data-page=\"").append(escape(page)).append('"');
    data.forEach((key, value) -> attributes
        .append(" data-")
        .append(escape(key))
        .append("=\"")
        .append(escape(value))
        .append('"'));
    String html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>%s · khoj4j</title>
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/assets/app.css">
        <script type="module" src="/assets/app.js"></script>
        </head>
        <body%s>
        <a class="skip" href="#main">Skip to content</a>
        <noscript><p>khoj4j's web client needs JavaScript. The API works without it.</p></noscript>
        <div id="app"></div>
        </body>
        </html>
        """.formatted(escape(title), attributes);
    return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Content-Security-Policy", CSP)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  /**
   * Whether the caller asked for a page: a browser navigating names {@code text/html} in {@code Accept}. API clients
   * (curl, REST libraries) send {@code application/json}, {@code *}{@code /*} or nothing, and keep their JSON.
   */
  public static boolean wanted(List<String> acceptHeaders) {
    if (acceptHeaders == null) {
      return false;
    }
    for (String header : acceptHeaders) {
      for (String part : header.split(",")) {
        String type = part.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
          return true;
        }
      }
    }
    return false;
  }

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
