package io.khoj4j.adapter.web.in.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hosts this server answers for (share links, WebSocket origins, cookie requests from another origin): loopback
 * names, the public domain ({@code khoj.domain}) and the internal one ({@code khoj.allowed-domain}, Khoj's
 * {@code KHOJ_ALLOWED_DOMAIN}: the name or address the server is reached by behind a proxy or on a LAN), each with
 * any of its subdomains (Khoj compared names literally, so subdomains never matched).
 */
@ApplicationScoped
public class AllowedHosts {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");
  private final List<String> domains;

  public AllowedHosts(
      @ConfigProperty(name = "khoj.domain") Optional<String> domain,
      @ConfigProperty(name = "khoj.allowed-domain") Optional<String> allowedDomain) {
    this.domains = Stream.of(domain, allowedDomain)
        .flatMap(Optional::stream)
        .map(d -> d.strip().toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", ""))
        .filter(d -> !d.isEmpty())
        .distinct()
        .toList();
  }

  public boolean allows(String hostname) {
    if (hostname == null) {
      return false;
    }
    String h = hostname.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    return LOOPBACK.contains(h)
        || domains.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
  }

  /** The hostname of a {@code Host} header ({@code name:port}, {@code [v6]:port}). */
  public static String hostOf(String hostHeader) {
    if (hostHeader == null) {
      return "";
    }
    return hostHeader.strip().replaceAll(":\\d+$", "").replaceAll("^\\[|]$", "");
  }

  /** The hostname of an {@code Origin} header, or null when it is not a URL. */
  public static String originHost(String origin) {
    if (origin == null || origin.isBlank()) {
      return null;
    }
    try {
      return URI.create(origin.strip()).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
