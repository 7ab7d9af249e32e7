package io.khoj4j.application.service.usage;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand.Channel;
import io.khoj4j.application.port.in.usage.AdmitUsageUseCase;
import io.khoj4j.application.port.out.ratelimit.IndexSpace;
import io.khoj4j.application.port.out.ratelimit.RateLimit;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.application.service.usage.UsageLimits.TierLimits;
import io.khoj4j.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Every usage limit of §7.3, counted through the one {@link RateLimiter} port (PostgreSQL in production, so all
 * replicas share one budget per user), and the index size through {@link IndexSpace}, which reserves an upload's bytes
 * atomically. Counters are per user: the subject is the user's id, so one user's use never spends another's budget. A
 * message counts against its minute and its day together or not at all.
 *
 * <p>The operator's own ceiling on a user's index ({@code indexCeiling}, 0 for none) is reserved the same atomic way,
 * whether or not the per-tier limits are on: N parallel uploads that each fit alone but not together admit only those
 * that fit.
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
  private final IndexSpace space;
  private final UsageMessages messages;
  private final long indexCeiling;

  public AdmitUsageService(UsageLimits limits, Tiers tiers, RateLimiter limiter, IndexSpace space) {
    this(limits, tiers, limiter, space, 0);
  }

  /** {@code indexCeiling}: bytes a user's index may not reach whatever their tier; 0 for no ceiling. */
  public AdmitUsageService(
      UsageLimits limits, Tiers tiers, RateLimiter limiter, IndexSpace space, long indexCeiling) {
    if (indexCeiling < 0) {
      throw new IllegalArgumentException(
          "index ceiling must be 0 (none) or positive: " + indexCeiling);
    }
    this.indexCeiling = indexCeiling;
    this.limits = limits;
    this.tiers = tiers;
    this.limiter = limiter;
    this.space = space;
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
      if (command instanceof AdmitUsageCommand.Upload upload && indexCeiling > 0) {
        reserve(upload, indexCeiling, false);
      }
      return;
    }
    boolean premium = tiers.premium(command.user());
    TierLimits tier = premium ? limits.premium() : limits.free();
    String subject = subject(command.user());
    switch (command) {
      case AdmitUsageCommand.ChatMessage chat -> admitChat(chat, tier, premium, subject);
      case AdmitUsageCommand.Research research -> {
        if (!limiter.tryAcquire(new RateLimit(RESEARCH_DAY, tier.researchPerDay(), DAY), subject)) {
          throw new QuotaExceededException(messages.research(
              !premium && limits.free().researchPerDay() < limits.premium().researchPerDay()));
        }
      }
      case AdmitUsageCommand.Transcription t ->
        perMinuteAndDay(
            premium,
            subject,
            TRANSCRIBE_MINUTE,
            TRANSCRIBE_DAY,
            TierLimits::transcriptionsPerMinute,
            TierLimits::transcriptionsPerDay,
            false);
      case AdmitUsageCommand.Speech s ->
        perMinuteAndDay(
            premium,
            subject,
            CHAT_MINUTE,
            CHAT_DAY,
            TierLimits::speechPerMinute,
            TierLimits::speechPerDay,
            false);
      case AdmitUsageCommand.Upload upload -> admitUpload(upload, tier, premium);
      case AdmitUsageCommand.Connection connection -> {
        if (!limiter.tryHold(
            connectionLimit(tier.webSocketConnections()), subject, connection.connectionId())) {
          throw new QuotaExceededException(UsageMessages.CONNECTION_LIMIT);
        }
      }
    }
  }

  private void admitChat(
      AdmitUsageCommand.ChatMessage chat, TierLimits tier, boolean premium, String subject) {
    if (chat.images() > tier.imagesPerMessage()) {
      throw new QuotaExceededException(UsageMessages.tooManyImages(tier.imagesPerMessage()));
    }
    if (chat.imageBytes() > tier.imageBytesPerMessage()) {
      throw new QuotaExceededException(UsageMessages.imagesTooLarge(tier.imageBytesPerMessage()));
    }
    perMinuteAndDay(
        premium,
        subject,
        CHAT_MINUTE,
        CHAT_DAY,
        TierLimits::chatPerMinute,
        TierLimits::chatPerDay,
        chat.channel() == Channel.WEBSOCKET);
  }

  /**
   * One attempt against a minute and a day, both or neither. The refusal suggests subscribing to a free user whose
   * premium limit is higher; on the WebSocket a minute's refusal says "for now ... in a bit", as Khoj does.
   */
  private void perMinuteAndDay(
      boolean premium,
      String subject,
      String minuteBucket,
      String dayBucket,
      ToIntFunction<TierLimits> perMinute,
      ToIntFunction<TierLimits> perDay,
      boolean socket) {
    TierLimits tier = premium ? limits.premium() : limits.free();
    RateLimit minute = new RateLimit(minuteBucket, perMinute.applyAsInt(tier), MINUTE);
    RateLimit day = new RateLimit(dayBucket, perDay.applyAsInt(tier), DAY);
    Optional<RateLimit> refused = limiter.tryAcquireAll(List.of(minute, day), subject);
    if (refused.isPresent()) {
      boolean byMinute = refused.get() == minute;
      ToIntFunction<TierLimits> which = byMinute ? perMinute : perDay;
      boolean hint =
          !premium && which.applyAsInt(limits.free()) < which.applyAsInt(limits.premium());
      throw new QuotaExceededException(messages.chat(hint, byMinute && socket));
    }
  }

  private void admitUpload(AdmitUsageCommand.Upload upload, TierLimits tier, boolean premium) {
    if (upload.bytes() >= tier.uploadBytesPerRequest()) {
      throw new QuotaExceededException(UsageMessages.tooMuchData(!premium));
    }
    long capacity =
        indexCeiling > 0 ? Math.min(indexCeiling, tier.indexedBytes()) : tier.indexedBytes();
    reserve(upload, capacity, !premium && capacity == tier.indexedBytes());
  }

  /** Reserves the upload's bytes in the user's index below {@code capacity}, or refuses it. */
  private void reserve(AdmitUsageCommand.Upload upload, long capacity, boolean suggestSubscribing) {
    if (upload.bytes() > 0
        && !space.tryReserve(upload.user(), upload.uploadId(), upload.bytes(), capacity)) {
      throw new QuotaExceededException(UsageMessages.tooMuchData(suggestSubscribing));
    }
  }
}
