package io.khoj4j.application.port.out.tools;

import io.khoj4j.application.error.UpstreamFailureException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pages kept by address; an unknown address fails as an unreachable site would. Records every read. */
public final class InMemoryWebReader implements WebReader {

  private final Map<URI, String> pages = new ConcurrentHashMap<>();
  private final List<URI> reads = new ArrayList<>();

  public InMemoryWebReader page(String url, String text) {
    pages.put(URI.create(url), text);
    return this;
  }

  public synchronized List<URI> reads() {
    return List.copyOf(reads);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Page read(URI url) {
    synchronized (this) {
      reads.add(url);
    }
    String text = pages.get(url);
    if (text == null) {
      throw new UpstreamFailureException("HTTP 404 for " + url, false, null);
    }
    return new Page(url, text);
  }
}
