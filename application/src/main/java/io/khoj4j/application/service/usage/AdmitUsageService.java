package io.khoj4j.application.service.usage;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand.Channel;
import io.khoj4j.application.port.in.usage.AdmitUsageUseCase;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.ratelimit.RateLimit;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.application.service.usage.UsageLimits.TierLimits;
import io.khoj4j.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every usage limit of §7.3, counted through the one {@link RateLimiter} port (PostgreSQL in production, so all
 * replicas share one budget per user). Counters are per user: the subject is the user's id, so one user's use never
 * spends another's budget. A chat message counts against its minute and its day together or not at all.
 */
public final class AdmitUsageService implements AdmitUsageUseCase {

  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Duration DAY = Duration.ofDays(1);
  static final String CHAT_MINUTE = "chat_minute";
  static final String CHAT_DAY = "chat_day";
  static final String RESEARCH_DAY = "command_research";
  static final String TRANSCRIBE_MINUTE = "transcribe_minute";
  static final String TRANSCRIBE_DAY = "transcribe_day";
  static final String CONNECTIONS = "ws_connection";

  private final UsageLimits limits;
  private final Tiers tiers;
  private final RateLimiter limiter;
  private final EntryRepository entries;
  private final UsageMessages messages;

  public AdmitUsageService(UsageLimits limits, Tiers tiers, RateLimiter limiter, EntryRepository entries) {
    this.limits = limits;
    this.tiers = tiers;
    this.limiter = limiter;
    this.entries = entries;
    this.messages = new UsageMessages(tiers.billing().subscriptionUrl().orElse("/settings"));
  }

  /** Whether limits apply: switched on by configuration, or by billing. */
  boolean active() {
    return limits.enabled() || tiers.billing().enabled();
  }

  static String subject(UserId user) {
    return "user:" + user.value();
  }

  /** The connection limit as the port sees it; a connection that never closed frees its place after a day. */
  static RateLimit connectionLimit(int places) {
    return new RateLimit(CONNECTIONS, places, DAY);
  }

  @Override
  public void admit(AdmitUsageCommand command) {
    if (!active()) {
      return;
    }
    boolean premium = tiers.premium(command.user());
    TierLimits tier = premium ? limits.premium() : limits.free();
    String subject = subject(command.user());
    switch (command) {
      case AdmitUsageCommand.ChatMessage chat -> {
        if (chat.images() > tier.imagesPerMessage()) {
          throw new QuotaExceededException(UsageMessages.tooManyImages(tier.imagesPerMessage()));
        }
        if (chat.imageBytes() > tier.imageBytesPerMessage()) {
          throw new QuotaExceededException(UsageMessages.imagesTooLarge(tier.imageBytesPerMessage()));
        }
        RateLimit minute = new RateLimit(CHAT_MINUTE, tier.chatPerMinute(), MINUTE);
        RateLimit day = new RateLimit(CHAT_DAY, tier.chatPerDay(), DAY);
        Optional<RateLimit> refused = limiter.tryAcquireAll(List.of(minute, day), subject);
        if (refused.isPresent()) {
          boolean byMinute = refused.get() == minute;
          boolean hint = !premium && (byMinute
              ? limits.free().chatPerMinute() < limits.premium().chatPerMinute()
              : limits.free().chatPerDay() < limits.premium().chatPerDay());
          throw new QuotaExceededException(messages.chat(hint, byMinute && chat.channel() == Channel.WEBSOCKET));
        }
      }
      case AdmitUsageCommand.Research research -> {
        if (!limiter.tryAcquire(new RateLimit(RESEARCH_DAY, tier.researchPerDay(), DAY), subject)) {
          throw new QuotaExceededException(
              messages.research(!premium && limits.free().researchPerDay() < limits.premium().researchPerDay()));
        }
      }
      case AdmitUsageCommand.Transcription t -> {
        RateLimit minute = new RateLimit(TRANSCRIBE_MINUTE, tier.transcriptionsPerMinute(), MINUTE);
        RateLimit day = new RateLimit(TRANSCRIBE_DAY, tier.transcriptionsPerDay(), DAY);
        Optional<RateLimit> refused = limiter.tryAcquireAll(List.of(minute, day), subject);
        if (refused.isPresent()) {
          boolean hint = !premium && (refused.get() == minute
              ? limits.free().transcriptionsPerMinute() < limits.premium().transcriptionsPerMinute()
              : limits.free().transcriptionsPerDay() < limits.premium().transcriptionsPerDay());
          throw new QuotaExceededException(messages.chat(hint, false));
        }
      }
      case AdmitUsageCommand.Upload upload -> {
        boolean hint = !premium;
        if (upload.bytes() >= tier.uploadBytesPerRequest()) {
          throw new QuotaExceededException(UsageMessages.tooMuchData(hint));
        }
        if (upload.bytes() > 0 && entries.indexedBytes(command.user()) + upload.bytes() >= tier.indexedBytes()) {
          throw new QuotaExceededException(UsageMessages.tooMuchData(hint));
        }
      }
      case AdmitUsageCommand.Connection connection -> {
        if (!limiter.tryHold(connectionLimit(tier.webSocketConnections()), subject, connection.connectionId())) {
          throw new QuotaExceededException(UsageMessages.CONNECTION_LIMIT);
        }
      }
    }
  }
}
