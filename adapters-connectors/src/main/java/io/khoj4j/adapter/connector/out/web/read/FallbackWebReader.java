package io.khoj4j.adapter.connector.out.web.read;

import io.khoj4j.adapter.connector.out.web.fetch.AddressPolicy;
import io.khoj4j.adapter.connector.out.web.fetch.RefusedAddressException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.WebReader;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured readers in Khoj's order (Exa, Olostep, Firecrawl, then reading directly): the first that gives
 * text wins. A URL whose scheme or host spelling the address policy refuses is refused before any reader sees it;
 * an intranet page on the operator's allow-list is read directly only, since no vendor can reach it.
 */
public final class FallbackWebReader implements WebReader {

  private static final Logger LOG = System.getLogger(FallbackWebReader.class.getName());
  private final List<WebReader> vendors;
  private final Optional<WebReader> direct;
  private final AddressPolicy policy;

  public FallbackWebReader(
      List<WebReader> vendors, Optional<WebReader> direct, AddressPolicy policy) {
    this.vendors = List.copyOf(vendors);
    this.direct = direct;
    this.policy = policy;
  }

  @Override
  public boolean available() {
    return !vendors.isEmpty() || direct.isPresent();
  }

  @Override
  public Page read(URI url) {
    try {
      AddressPolicy.Target target = policy.target(url);
      if (target.literal().isPresent()) {
        policy.check(target.host(), target.literal().get());
      }
    } catch (RefusedAddressException e) {
      throw new UpstreamFailureException(e.getMessage(), false, e);
    }
    List<WebReader> readers = new ArrayList<>();
    if (!policy.allowListed(url)) {
      readers.addAll(vendors);
    }
    direct.ifPresent(readers::add);
    if (readers.isEmpty()) {
      throw new UpstreamFailureException(
          "no reader may read " + url + ": it is an intranet page and reading pages"
              + " directly is off",
          false,
          null);
    }
    List<String> failures = new ArrayList<>();
    for (WebReader reader : readers) {
      try {
        Page page = reader.read(url);
        if (!page.text().isBlank()) {
          return page;
        }
      } catch (UpstreamFailureException e) {
        LOG.log(Level.WARNING, "Web page reader failed, trying the next one: {0}", e.getMessage());
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new UpstreamFailureException(String.join("; ", failures), false, null);
    }
    return new Page(url, "");
  }
}
