package io.khoj4j.adapter.web.in.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hosts this server answers for (share links, WebSocket origins): loopback names, and the configured domain with any
 * of its subdomains (Khoj compared names literally, so subdomains never matched).
 */
@ApplicationScoped
public class AllowedHosts {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");
  private final Optional<String> domain;

  public AllowedHosts(@ConfigProperty(name = "khoj.domain") Optional<String> domain) {
    this.domain = domain.map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty());
  }

  public boolean allows(String hostname) {
    if (hostname == null) {
      return false;
    }
    String h = hostname.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    return LOOPBACK.contains(h)
        || domain.map(d -> h.equals(d) || h.endsWith("." + d)).orElse(false);
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
