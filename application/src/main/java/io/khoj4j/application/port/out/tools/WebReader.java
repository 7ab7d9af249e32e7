package io.khoj4j.application.port.out.tools;

import java.net.URI;
import java.util.Objects;

/**
 * Reads a web page into text for the {@code /webpage} command and for the top results of a web search. A chat
 * capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED} makes {@code /webpage}
 * answer with a clear message. The URLs come from users and models: an adapter refuses addresses inside the
 * server's own network unless it is told to allow them. Calls for several pages of one turn may run at the same time.
 */
public interface WebReader {

  /** Whether this server can do it. */
  boolean available();

  /**
   * The readable text of the page (Markdown or plain text, no markup); blank when the page has none.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the page or the reading service fails
   */
  Page read(URI url);

  /** A page as text. */
  record Page(URI url, String text) {
    public Page {
      Objects.requireNonNull(url, "url");
      text = text == null ? "" : text;
    }
  }

  WebReader NOT_CONFIGURED = new WebReader() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public Page read(URI url) {
      throw new IllegalStateException("web page reading is not configured");
    }
  };
}
