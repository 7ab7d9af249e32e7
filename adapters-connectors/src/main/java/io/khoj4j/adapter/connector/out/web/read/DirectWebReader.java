package io.khoj4j.adapter.connector.out.web.read;

import io.khoj4j.application.port.out.tools.UrlFetcher;
import io.khoj4j.application.port.out.tools.WebReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a page itself: fetched through the SSRF-safe {@link UrlFetcher}, HTML turned into Markdown by
 * {@link HtmlText}, plain text and Markdown kept as they are.
 */
public final class DirectWebReader implements WebReader {

  static final Set<String> TYPES =
      Set.of("text/html", "application/xhtml+xml", "text/plain", "text/markdown");
  private final UrlFetcher fetcher;

  public DirectWebReader(UrlFetcher fetcher) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  @Override
  public boolean available() {
    return true;
  }

  /** A charset this JVM has; a name that is not even legal ("utf-8, iso-8859-1", quoted) is no charset either. */
  private static boolean supported(String name) {
    try {
      return Charset.isSupported(name);
    } catch (IllegalArgumentException illegal) {
      return false;
    }
  }

  @Override
  public Page read(URI url) {
    UrlFetcher.Fetched page = fetcher.fetch(new UrlFetcher.Request(url, TYPES));
    String charset = page.charset().filter(DirectWebReader::supported).orElse(null);
    if (page.mediaType().equals("text/html") || page.mediaType().equals("application/xhtml+xml")) {
      return new Page(url, HtmlText.markdown(page.body(), charset, page.url().toString()));
    }
    return new Page(
        url,
        new String(page.body(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset))
            .strip());
  }
}
