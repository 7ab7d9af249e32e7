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

  @Override
  public Page read(URI url) {
    UrlFetcher.Fetched page = fetcher.fetch(new UrlFetcher.Request(url, TYPES));
    String charset = page.charset().filter(Charset::isSupported).orElse(null);
    if (page.mediaType().equals("text/html") || page.mediaType().equals("application/xhtml+xml")) {
      return new Page(url, HtmlText.markdown(page.body(), charset, page.url().toString()));
    }
    return new Page(
        url,
        new String(page.body(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset))
            .strip());
  }
}
