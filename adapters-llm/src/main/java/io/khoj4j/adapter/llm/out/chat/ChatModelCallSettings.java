package io.khoj4j.adapter.llm.out.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code khoj.chat.model.*}: how long a model call may take and how it is retried (docs/configuration.md). */
@ConfigMapping(prefix = "khoj.chat.model")
public interface ChatModelCallSettings {

  /** The whole call, or the silence between two streamed pieces. */
  @WithDefault("PT120S")
  Duration timeout();

  /** Retries of a failure that is safe to retry, while nothing has reached the listener. */
  @WithDefault("3")
  int maxRetries();

  /**
   * The first retry's wait; each next one doubles, up to {@link #maxBackoff()}. A provider's longer
   * {@code Retry-After} is waited for instead.
   */
  @WithDefault("PT1S")
  Duration firstBackoff();

  /**
   * The longest backoff. A provider that asks (with {@code Retry-After}) for more than this or 30 s, whichever is
   * longer, is not retried: a user is waiting, and is better told at once when to try again.
   */
  @WithDefault("PT20S")
  Duration maxBackoff();

  /** Anthropic's API needs an answer length; Khoj's default. */
  @WithDefault("8000")
  int anthropicMaxTokens();
}
