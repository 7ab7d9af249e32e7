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
 * The configured readers in Khoj's order (Exa, Olostep, Firecrawl, then reading directly), or in the order of an
 * administrator's priorities: the first that gives text wins. A URL whose scheme or host spelling the address policy refuses is refused before any reader sees it;
 * an intranet page on the operator's allow-list is read directly only, since no vendor can reach it.
 */
public final class FallbackWebReader implements WebReader {

  private static final Logger LOG = System.getLogger(FallbackWebReader.class.getName());
  /** A reader in the chain; {@code direct}: it opens the page itself, so it may read intranet pages. */
  public record Link(WebReader reader, boolean direct) {}

  private final List<Link> chain;
  private final AddressPolicy policy;

  /** The vendors in the order given, then reading directly (when on). */
  public FallbackWebReader(
      List<WebReader> vendors, Optional<WebReader> direct, AddressPolicy policy) {
    this(chain(vendors, direct), policy);
  }

  private FallbackWebReader(List<Link> chain, AddressPolicy policy) {
    this.chain = List.copyOf(chain);
    this.policy = policy;
  }

  /** The readers in exactly this order (an administrator's priorities). */
  public static FallbackWebReader inOrder(List<Link> chain, AddressPolicy policy) {
    return new FallbackWebReader(chain, policy);
  }

  private static List<Link> chain(List<WebReader> vendors, Optional<WebReader> direct) {
    List<Link> chain = new ArrayList<>();
    vendors.forEach(v -> chain.add(new Link(v, false)));
    direct.ifPresent(d -> chain.add(new Link(d, true)));
    return chain;
  }

  @Override
  public boolean available() {
    return !chain.isEmpty();
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
    boolean intranet = policy.allowListed(url);
    List<WebReader> readers = chain.stream()
        .filter(link -> link.direct() || !intranet)
        .map(Link::reader)
        .toList();
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
