package io.khoj4j.application.service.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.subscription.HandleBillingEventUseCase.BillingEventCommand;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.MutableClock;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.application.port.out.subscription.BillingEvent;
import io.khoj4j.application.port.out.subscription.BillingEvent.Kind;
import io.khoj4j.application.port.out.subscription.FakeBillingProvider;
import io.khoj4j.application.port.out.subscription.InMemorySubscriptionRepository;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.application.service.user.ProvisionUserService;
import io.khoj4j.domain.subscription.SubscriptionState;
import io.khoj4j.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandleBillingEventServiceTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemorySubscriptionRepository subscriptions = new InMemorySubscriptionRepository();
  private final FakeBillingProvider stripe = new FakeBillingProvider();
  private final Instant periodEnd = clock.instant().plus(Duration.ofDays(30));

  private HandleBillingEventService service(boolean billing, Optional<String> product) {
    BillingSettings settings = new BillingSettings(billing, Optional.of("https://pay.example/"));
    Tiers tiers = new Tiers(subscriptions, users, settings, clock);
    return new HandleBillingEventService(
        stripe,
        product,
        new ProvisionUserService(users, new DirectUnitOfWork(), new SequentialIdGenerator(), clock),
        tiers,
        subscriptions,
        new DirectUnitOfWork(),
        clock);
  }

  private String event(String id, Kind kind, String product, boolean cancel) {
    String payload = "{\"id\":\"" + id + "\"}";
    stripe.events.put(
        payload,
        new BillingEvent(id, kind, "cus_1", List.of(product), cancel, Optional.of(periodEnd)));
    return payload;
  }

  private boolean send(HandleBillingEventService service, String payload) {
    return service.handle(new BillingEventCommand(payload, "sig:" + payload));
  }

  private SubscriptionState state() {
    UserId user = users.findByEmail("payer@example.org").orElseThrow().id();
    return subscriptions
        .find(user)
        .map(s -> s.stateAt(clock.instant()))
        .orElse(SubscriptionState.EXPIRED);
  }

  @Test
  void aPaidInvoiceCreatesTheAccountIfNeededAndSubscribesIt() {
    stripe.emails.put("cus_1", "Payer@Example.org");
    stripe.periodEnds.put("cus_1", periodEnd);
    HandleBillingEventService service = service(true, Optional.of("prod_k"));

    assertThat(send(service, event("evt_1", Kind.INVOICE_PAID, "prod_k", false)))
        .isTrue();
    assertThat(state()).isEqualTo(SubscriptionState.SUBSCRIBED);
    assertThat(send(service, event("evt_2", Kind.SUBSCRIPTION_UPDATED, "prod_k", true)))
        .isTrue();
    assertThat(state()).isEqualTo(SubscriptionState.UNSUBSCRIBED);
    assertThat(send(service, event("evt_3", Kind.SUBSCRIPTION_DELETED, "prod_k", false)))
        .isTrue();
    assertThat(state()).isEqualTo(SubscriptionState.EXPIRED);
    assertThat(send(service, "{\"id\":\"evt_1\"}")).as("a replay").isTrue();
    assertThat(state()).isEqualTo(SubscriptionState.EXPIRED);
  }

  @Test
  void anotherProductAnotherKindOrAnUnknownCustomerChangeNothing() {
    stripe.emails.put("cus_1", "payer@example.org");
    stripe.periodEnds.put("cus_1", periodEnd);
    HandleBillingEventService service = service(true, Optional.of("prod_k"));

    assertThat(send(service, event("evt_1", Kind.INVOICE_PAID, "prod_other", false)))
        .isFalse();
    assertThat(send(service, event("evt_2", Kind.OTHER, "prod_k", false))).isFalse();
    stripe.emails.clear();
    assertThat(send(service, event("evt_3", Kind.INVOICE_PAID, "prod_k", false)))
        .isFalse();
    assertThat(users.findByEmail("payer@example.org")).isEmpty();
  }

  @Test
  void badSignaturesAreInvalidInputAndWithoutBillingTheRouteIsNotThere() {
    String payload = event("evt_1", Kind.INVOICE_PAID, "prod_k", false);

    assertThatThrownBy(() ->
            service(true, Optional.empty()).handle(new BillingEventCommand(payload, "forged")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> service(true, Optional.empty()).handle(new BillingEventCommand(payload, null)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> send(service(false, Optional.empty()), payload))
        .isInstanceOf(NotFoundException.class);
  }
}
