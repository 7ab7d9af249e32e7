package io.khoj4j.application.service.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand.Channel;
import io.khoj4j.application.port.in.usage.ReleaseConnectionUseCase.ReleaseConnectionCommand;
import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.application.port.out.ratelimit.InMemoryIndexSpace;
import io.khoj4j.application.port.out.ratelimit.InMemoryRateLimiter;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.subscription.InMemorySubscriptionRepository;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.application.service.subscription.BillingSettings;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.application.service.usage.UsageLimits.TierLimits;
import io.khoj4j.domain.subscription.Subscription;
import io.khoj4j.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmitUsageServiceTest {

  private static final TierLimits FREE = new TierLimits(3, 5, 1, 2, 100, 2, 3, 2, 4, 1000, 2000, 1);
  private static final TierLimits PREMIUM =
      new TierLimits(3, 8, 2, 4, 200, 2, 6, 2, 7, 3000, 5000, 2);

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemorySubscriptionRepository subscriptions = new InMemorySubscriptionRepository();
  private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
  private final InMemoryEntryRepository entries = new InMemoryEntryRepository();
  private final InMemoryIndexSpace space = new InMemoryIndexSpace(entries, clock);

  private AdmitUsageService service(boolean enabled, boolean billing) {
    BillingSettings settings = new BillingSettings(
        billing, billing ? Optional.of("https://pay.example/") : Optional.empty());
    return new AdmitUsageService(
        new UsageLimits(enabled, FREE, PREMIUM),
        new Tiers(subscriptions, users, settings, clock),
        limiter,
        space);
  }

  private UserId newUser() {
    return users.newUser(Instant.parse("2026-01-01T00:00:00Z"));
  }

  private UserId premiumUser() {
    UserId user = newUser();
    subscriptions.save(
        Subscription.standard(user, clock.instant())
            .paidUntil(clock.instant().plus(Duration.ofDays(30))),
        clock.instant());
    return user;
  }

  private static AdmitUsageCommand chat(UserId user) {
    return new AdmitUsageCommand.ChatMessage(user, Channel.HTTP, 0, 0);
  }

  @Test
  void limitsOffCountNothing() {
    AdmitUsageService service = service(false, false);
    UserId user = newUser();
    for (int i = 0; i < 50; i++) {
      service.admit(chat(user));
    }
    assertThat(limiter.tryAcquire(
            new io.khoj4j.application.port.out.ratelimit.RateLimit(
                "chat_minute", 1, Duration.ofMinutes(1)),
            AdmitUsageService.subject(user)))
        .as("nothing was counted")
        .isTrue();
  }

  @Test
  void withoutBillingEveryoneGetsThePremiumNumbers() {
    AdmitUsageService service = service(true, false);
    UserId user = newUser();
    for (int i = 0; i < 3; i++) {
      service.admit(chat(user));
      clock.advance(Duration.ofSeconds(61));
    }
    for (int i = 0; i < 5; i++) {
      service.admit(chat(user));
      clock.advance(Duration.ofSeconds(61));
    }
    assertThatThrownBy(() -> service.admit(chat(user)))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessage(
            "I'm glad you're enjoying interacting with me! You've unfortunately exceeded your usage limit for"
                + " today. But let's chat more tomorrow?");
  }

  @Test
  void aFreeUserIsToldTheyMaySubscribeWhenPremiumWouldGiveMore() {
    AdmitUsageService service = service(false, true);
    UserId user = newUser();
    for (int i = 0; i < 5; i++) {
      service.admit(chat(user));
      clock.advance(Duration.ofSeconds(61));
    }
    assertThatThrownBy(() -> service.admit(chat(user)))
        .hasMessage(
            "I'm glad you're enjoying interacting with me!"
                + " You've unfortunately exceeded your usage limit for today. You can subscribe to increase your usage"
                + " limit via [your settings](https://pay.example/) or we can continue our conversation tomorrow?");
  }

  @Test
  void theMinuteLimitHasNoSubscribeHintWhenBothTiersShareItAndSaysInABitOnTheSocket() {
    AdmitUsageService service = service(false, true);
    UserId user = newUser();
    for (int i = 0; i < 3; i++) {
      service.admit(chat(user));
    }
    assertThatThrownBy(
            () -> service.admit(new AdmitUsageCommand.ChatMessage(user, Channel.WEBSOCKET, 0, 0)))
        .hasMessage(
            "I'm glad you're enjoying interacting with me! You've unfortunately exceeded your usage limit for"
                + " now. But let's chat more in a bit?");
  }

  @Test
  void aRefusalByTheDayDoesNotSpendTheMinute() {
    AdmitUsageService service = service(false, true);
    UserId user = newUser();
    for (int i = 0; i < 5; i++) {
      service.admit(chat(user));
      clock.advance(Duration.ofSeconds(61));
    }
    assertThatThrownBy(() -> service.admit(chat(user))).isInstanceOf(QuotaExceededException.class);
    clock.advance(Duration.ofDays(1));
    for (int i = 0; i < 3; i++) {
      service.admit(chat(user));
    }
  }

  @Test
  void premiumUsersHaveTheirOwnNumbersAndOneUserNeverSpendsAnothers() {
    AdmitUsageService service = service(false, true);
    UserId paid = premiumUser();
    UserId free = newUser();
    for (int i = 0; i < 8; i++) {
      service.admit(chat(paid));
      clock.advance(Duration.ofSeconds(61));
    }
    assertThatThrownBy(() -> service.admit(chat(paid))).isInstanceOf(QuotaExceededException.class);
    assertThatCode(() -> service.admit(chat(free))).doesNotThrowAnyException();
  }

  @Test
  void imagesAreCountedAndWeighedPerMessage() {
    AdmitUsageService service = service(false, true);
    UserId user = newUser();
    assertThatThrownBy(
            () -> service.admit(new AdmitUsageCommand.ChatMessage(user, Channel.HTTP, 3, 0)))
        .hasMessage(
            "Those are way too many images for me! I can handle up to 2 images per message.");
    assertThatThrownBy(
            () -> service.admit(new AdmitUsageCommand.ChatMessage(user, Channel.HTTP, 1, 101)))
        .hasMessageStartingWith("Those images are way too large for me!");
    service.admit(new AdmitUsageCommand.ChatMessage(user, Channel.HTTP, 2, 100));
  }

  @Test
  void researchHasItsOwnDailyBudget() {
    AdmitUsageService service = service(false, true);
    UserId user = newUser();
    service.admit(new AdmitUsageCommand.Research(user));
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Research(user)))
        .hasMessageContaining("exceeded your `/research` command usage limit for today")
        .hasMessageContaining("subscribe");
    service.admit(chat(user));
  }

  @Test
  void transcriptionsPerMinuteAndPerDay() {
    AdmitUsageService service = service(false, true);
    UserId user = newUser();
    service.admit(new AdmitUsageCommand.Transcription(user));
    service.admit(new AdmitUsageCommand.Transcription(user));
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Transcription(user)))
        .isInstanceOf(QuotaExceededException.class);
    clock.advance(Duration.ofMinutes(2));
    service.admit(new AdmitUsageCommand.Transcription(user));
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Transcription(user)))
        .as("three a day")
        .hasMessageContaining("subscribe");
  }

  @Test
  void uploadsAreRefusedAtTheRequestSizeAndTheIndexSize() {
    AdmitUsageService service = service(false, true);
    UserId user = newUser();
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Upload(user, "u1", 1000)))
        .hasMessage("Too much data indexed. Subscribe to increase your data index limit.");
    service.admit(new AdmitUsageCommand.Upload(user, "u2", 999));
    UserId paid = premiumUser();
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Upload(paid, "u3", 5000)))
        .hasMessage("Too much data indexed.");
    service.admit(new AdmitUsageCommand.Upload(paid, "u4", 2999));
  }

  @Test
  void anAdmittedUploadHoldsItsSpaceUntilReleased() {
    AdmitUsageService service = service(false, true);
    ReleaseUploadService release = new ReleaseUploadService(space);
    UserId user = newUser();
    service.admit(new AdmitUsageCommand.Upload(user, "first", 999));
    service.admit(new AdmitUsageCommand.Upload(user, "second", 999));
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Upload(user, "third", 2)))
        .as("999 + 999 + 2 reaches the index's 2000")
        .isInstanceOf(QuotaExceededException.class);
    release.release(
        new io.khoj4j.application.port.in.usage.ReleaseUploadUseCase.ReleaseUploadCommand(
            user, "first"));
    service.admit(new AdmitUsageCommand.Upload(user, "third", 2));
  }

  @Test
  void theOperatorsIndexCeilingIsReservedAtomicallyEvenWithLimitsOff() {
    AdmitUsageService service = new AdmitUsageService(
        new UsageLimits(false, FREE, PREMIUM),
        new Tiers(subscriptions, users, new BillingSettings(false, Optional.empty()), clock),
        limiter,
        space,
        1500);
    ReleaseUploadService release = new ReleaseUploadService(space);
    UserId user = newUser();
    service.admit(new AdmitUsageCommand.Upload(user, "first", 700));
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Upload(user, "second", 800)))
        .as(
            "700 reserved + 800 reaches the ceiling of 1500 while the first upload is still indexing")
        .isInstanceOf(QuotaExceededException.class)
        .hasMessage("Too much data indexed.");
    service.admit(new AdmitUsageCommand.Upload(user, "third", 799));
    release.release(
        new io.khoj4j.application.port.in.usage.ReleaseUploadUseCase.ReleaseUploadCommand(
            user, "first"));
    service.admit(new AdmitUsageCommand.Upload(newUser(), "other", 1499));
    service.admit(
        chat(user)); // the ceiling counts only index space: chat stays unlimited with limits off
  }

  @Test
  void withLimitsOnTheLowerOfCeilingAndTierCounts() {
    AdmitUsageService service = new AdmitUsageService(
        new UsageLimits(false, FREE, PREMIUM),
        new Tiers(
            subscriptions,
            users,
            new BillingSettings(true, Optional.of("https://pay.example/")),
            clock),
        limiter,
        space,
        1200);
    UserId free = newUser();
    service.admit(new AdmitUsageCommand.Upload(free, "f1", 700));
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Upload(free, "f2", 600)))
        .as("the ceiling (1200) is below the free tier's 2000: no point suggesting a subscription")
        .hasMessage("Too much data indexed.");
    service.admit(new AdmitUsageCommand.Upload(free, "f3", 499));
    UserId paid = premiumUser();
    service.admit(new AdmitUsageCommand.Upload(paid, "p1", 1100));
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Upload(paid, "p2", 100)))
        .as("the premium tier's 5000 does not lift the operator's ceiling")
        .isInstanceOf(QuotaExceededException.class);
  }

  @Test
  void aNegativeCeilingIsAConfigurationError() {
    assertThatThrownBy(() -> new AdmitUsageService(
            new UsageLimits(false, FREE, PREMIUM),
            new Tiers(subscriptions, users, new BillingSettings(false, Optional.empty()), clock),
            limiter,
            space,
            -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readAloudCountsInTheChatsMinuteAndDayWithItsOwnCeilings() {
    AdmitUsageService service = service(false, true);
    UserId user = newUser();
    service.admit(chat(user));
    service.admit(new AdmitUsageCommand.Speech(user));
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Speech(user)))
        .as("the chat message and one read-aloud fill speech's 2 a minute")
        .hasMessage(
            "I'm glad you're enjoying interacting with me! You've unfortunately exceeded your usage limit for"
                + " today. But let's chat more tomorrow?");
    service.admit(chat(user));
    clock.advance(Duration.ofMinutes(2));
    service.admit(new AdmitUsageCommand.Speech(user));
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Speech(user)))
        .as("four in the chat's day reach speech's 4 a day, and premium would give more")
        .hasMessageContaining("subscribe");
  }

  @Test
  void voiceIsNotCountedWhenLimitsAreOff() {
    AdmitUsageService service = service(false, false);
    UserId user = newUser();
    for (int i = 0; i < 10; i++) {
      service.admit(new AdmitUsageCommand.Speech(user));
      service.admit(new AdmitUsageCommand.Transcription(user));
    }
  }

  @Test
  void connectionsAreHeldUntilReleased() {
    AdmitUsageService service = service(false, true);
    ReleaseConnectionService release = new ReleaseConnectionService(limiter);
    UserId user = newUser();
    service.admit(new AdmitUsageCommand.Connection(user, "c1"));
    assertThatThrownBy(() -> service.admit(new AdmitUsageCommand.Connection(user, "c2")))
        .hasMessage("Connection limit exceeded");
    release.release(new ReleaseConnectionCommand(user, "c1"));
    service.admit(new AdmitUsageCommand.Connection(user, "c3"));
  }
}
