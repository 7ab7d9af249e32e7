package io.khoj4j.bootstrap;

import io.khoj4j.adapter.connector.out.stripe.StripeBillingProvider;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.application.port.out.ratelimit.IndexSpace;
import io.khoj4j.application.port.out.ratelimit.RateLimiter;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.subscription.BillingProvider;
import io.khoj4j.application.port.out.subscription.SubscriptionRepository;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.application.service.content.IndexingLimits;
import io.khoj4j.application.service.subscription.BillingSettings;
import io.khoj4j.application.service.subscription.ChangeSubscriptionService;
import io.khoj4j.application.service.subscription.GetSubscriptionService;
import io.khoj4j.application.service.subscription.HandleBillingEventService;
import io.khoj4j.application.service.subscription.SetSubscriptionService;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.application.service.usage.AdmitUsageService;
import io.khoj4j.application.service.usage.ReleaseConnectionService;
import io.khoj4j.application.service.usage.ReleaseUploadService;
import io.khoj4j.application.service.usage.UsageLimits;
import io.khoj4j.application.service.usage.UsageLimits.TierLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Subscriptions, tiers and usage limits (§7 of the contract). */
@ApplicationScoped
public class UsageProducers {

  /** {@code khoj.billing.*}: billing is on when the Stripe key, the signing secret and the subscription URL are set. */
  @ConfigMapping(prefix = "khoj.billing")
  public interface BillingConfig {
    /** Where users subscribe ({@code KHOJ_CLOUD_SUBSCRIPTION_URL}). */
    Optional<String> subscriptionUrl();

    Stripe stripe();

    interface Stripe {
      Optional<String> apiKey();

      Optional<String> signingSecret();

      /** Only events for this product change subscriptions ({@code STRIPE_KHOJ_PRODUCT_ID}). */
      Optional<String> productId();

      /** Stripe's API; tests point it at a local stub. */
      @WithDefault("https://api.stripe.com")
      String apiBase();

      /** Connect and read time-out of a call to Stripe. */
      @WithDefault("20s")
      java.time.Duration timeout();

      /** Retries of a call that failed on the network, a 409, a 429 or a 5xx (Stripe's library backs off). */
      @WithDefault("2")
      int retries();
    }

    default boolean enabled() {
      return subscriptionUrl().isPresent()
          && stripe().apiKey().isPresent()
          && stripe().signingSecret().isPresent();
    }
  }

  /**
   * {@code khoj.limits.*}: the usage limits. Off unless billing is on or {@code enabled=true}; each number of each tier
   * ({@code free}, {@code premium}) defaults to Khoj's.
   */
  @ConfigMapping(prefix = "khoj.limits")
  public interface LimitsConfig {
    @WithDefault("false")
    boolean enabled();

    Tier free();

    Tier premium();

    interface Tier {
      Optional<Integer> chatPerMinute();

      Optional<Integer> chatPerDay();

      Optional<Integer> researchPerDay();

      Optional<Integer> imagesPerMessage();

      Optional<Integer> imageMegabytesPerMessage();

      Optional<Integer> transcriptionsPerMinute();

      Optional<Integer> transcriptionsPerDay();

      Optional<Integer> speechPerMinute();

      Optional<Integer> speechPerDay();

      Optional<Integer> uploadMegabytesPerRequest();

      Optional<Integer> indexedMegabytes();

      Optional<Integer> webSocketConnections();

      default TierLimits over(TierLimits d) {
        long mb = 1L << 20;
        return new TierLimits(
            chatPerMinute().orElse(d.chatPerMinute()),
            chatPerDay().orElse(d.chatPerDay()),
            researchPerDay().orElse(d.researchPerDay()),
            imagesPerMessage().orElse(d.imagesPerMessage()),
            imageMegabytesPerMessage().map(m -> m * mb).orElse(d.imageBytesPerMessage()),
            transcriptionsPerMinute().orElse(d.transcriptionsPerMinute()),
            transcriptionsPerDay().orElse(d.transcriptionsPerDay()),
            speechPerMinute().orElse(d.speechPerMinute()),
            speechPerDay().orElse(d.speechPerDay()),
            uploadMegabytesPerRequest().map(m -> m * mb).orElse(d.uploadBytesPerRequest()),
            indexedMegabytes().map(m -> m * mb).orElse(d.indexedBytes()),
            webSocketConnections().orElse(d.webSocketConnections()));
      }
    }
  }

  @Produces
  @Singleton
  BillingSettings billingSettings(BillingConfig config) {
    return new BillingSettings(
        config.enabled(), config.enabled() ? config.subscriptionUrl() : Optional.empty());
  }

  @Produces
  @Singleton
  UsageLimits usageLimits(LimitsConfig config) {
    return new UsageLimits(
        config.enabled(),
        config.free().over(UsageLimits.khojFree()),
        config.premium().over(UsageLimits.khojPremium()));
  }

  @Produces
  @Singleton
  Tiers tiers(
      SubscriptionRepository subscriptions,
      UserRepository users,
      BillingSettings billing,
      Clock clock) {
    return new Tiers(subscriptions, users, billing, clock);
  }

  @Produces
  @Singleton
  GetSubscriptionService getSubscription(Tiers tiers, Clock clock) {
    return new GetSubscriptionService(tiers, clock);
  }

  @Produces
  @Singleton
  SetSubscriptionService setSubscription(
      Tiers tiers, SubscriptionRepository subscriptions, UnitOfWork unitOfWork, Clock clock) {
    return new SetSubscriptionService(tiers, subscriptions, unitOfWork, clock);
  }

  /** Never called while billing is off: the billing services answer 404 first. */
  @Produces
  @Singleton
  BillingProvider billingProvider(BillingConfig config, Clock clock) {
    BillingConfig.Stripe stripe = config.stripe();
    return new StripeBillingProvider(
        stripe.apiKey().orElse("sk_unset"),
        stripe.signingSecret().orElse("whsec_unset"),
        stripe.apiBase(),
        stripe.timeout(),
        stripe.retries(),
        clock);
  }

  @Produces
  @Singleton
  HandleBillingEventService handleBillingEvent(
      BillingProvider provider,
      BillingConfig config,
      ProvisionUserUseCase provision,
      Tiers tiers,
      SubscriptionRepository subscriptions,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new HandleBillingEventService(
        provider, config.stripe().productId(), provision, tiers, subscriptions, unitOfWork, clock);
  }

  @Produces
  @Singleton
  ChangeSubscriptionService changeSubscription(
      BillingProvider provider, UserRepository users, BillingSettings billing) {
    return new ChangeSubscriptionService(provider, users, billing);
  }

  @Produces
  @Singleton
  AdmitUsageService admitUsage(
      UsageLimits limits,
      Tiers tiers,
      RateLimiter limiter,
      IndexSpace space,
      IndexingLimits indexing) {
    return new AdmitUsageService(limits, tiers, limiter, space, indexing.maxIndexedBytesPerUser());
  }

  @Produces
  @Singleton
  ReleaseUploadService releaseUpload(IndexSpace space) {
    return new ReleaseUploadService(space);
  }

  @Produces
  @Singleton
  ReleaseConnectionService releaseConnection(RateLimiter limiter) {
    return new ReleaseConnectionService(limiter);
  }
}
