package io.khoj4j.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** {@code khoj.connectors.*}: GitHub and Notion sync (see docs/configuration.md). */
@ConfigMapping(prefix = "khoj.connectors")
public interface ConnectorConfig {

  /** Time between the end of one scheduled sync of every user's connectors and the start of the next. */
  @WithDefault("1h")
  Duration syncInterval();

  /** Whether saving GitHub repositories or a Notion token starts a sync of that source (read by the web adapter). */
  @WithDefault("true")
  boolean syncOnSave();

  /** Files or pages indexed (and their versions remembered) at a time. */
  @WithDefault("50")
  int batchSize();

  /** A rate limit that lifts within this is waited out; a later one stops the sync until the next run. */
  @WithDefault("90s")
  Duration maxRateLimitWait();

  /** Time-out of one request to GitHub or Notion. */
  @WithDefault("30s")
  Duration timeout();

  /** Attempts of one request (5xx, time-outs and short rate limits are retried). */
  @WithDefault("3")
  int attempts();

  Github github();

  Notion notion();

  interface Github {
    @WithDefault("https://api.github.com")
    URI apiUrl();
  }

  interface Notion {
    @WithDefault("https://api.notion.com")
    URI apiUrl();

    /** Notion allows an average of three requests a second per integration. */
    @WithDefault("334ms")
    Duration minInterval();

    OAuth oauth();

    interface OAuth {
      Optional<String> clientId();

      Optional<String> clientSecret();

      /** Must point at this server's {@code /api/notion/auth/callback}. */
      Optional<String> redirectUri();

      @WithDefault("https://api.notion.com/v1/oauth/authorize")
      String authorizeUrl();

      @WithDefault("10m")
      Duration stateLifetime();
    }
  }
}
