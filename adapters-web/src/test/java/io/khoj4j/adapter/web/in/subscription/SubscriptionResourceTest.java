package io.khoj4j.adapter.web.in.subscription;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.subscription.ChangeSubscriptionUseCase.ChangeResult;
import io.khoj4j.application.port.in.subscription.ChangeSubscriptionUseCase.ChangeSubscriptionCommand;
import io.khoj4j.application.port.in.subscription.ChangeSubscriptionUseCase.Operation;
import io.khoj4j.application.port.in.subscription.HandleBillingEventUseCase.BillingEventCommand;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slice test of {@link SubscriptionResource}: a user's cancel/resubscribe and the payment provider's webhook. */
class SubscriptionResourceTest {

  private final List<Object> received = new ArrayList<>();
  private ChangeResult result = ChangeResult.done();

  private final SubscriptionResource resource = new SubscriptionResource(
      alice(),
      c -> {
        received.add(c);
        if (c.signature().isEmpty()) {
          throw new InvalidInputException("Missing Stripe-Signature header");
        }
        return c.payload().contains("customer.subscription");
      },
      c -> {
        received.add(c);
        return result;
      });

  @Test
  void cancelAndResubscribeChangeTheCallersSubscription() {
    assertThat(json(resource.change("cancel"))).isEqualTo("{\"success\":true}");
    resource.change("resubscribe");

    assertThat(received)
        .containsExactly(
            new ChangeSubscriptionCommand(ALICE, Operation.CANCEL),
            new ChangeSubscriptionCommand(ALICE, Operation.RESUBSCRIBE));
  }

  @Test
  void aRefusedChangeCarriesKhojsMessage() {
    result = ChangeResult.refused("No active subscription");

    assertThat(json(resource.change("cancel")))
        .isEqualTo("{\"success\":false,\"message\":\"No active subscription\"}");
  }

  @Test
  void anUnknownOrMissingOperationIsKhojsInvalidOperationAndNothingChanges() {
    assertThat(json(resource.change("upgrade")))
        .isEqualTo("{\"success\":false,\"message\":\"Invalid operation\"}");
    assertThat(json(resource.change(null)))
        .isEqualTo("{\"success\":false,\"message\":\"Invalid operation\"}");
    assertThat(json(resource.change("CANCEL")))
        .as("Khoj's operations are lower case")
        .isEqualTo("{\"success\":false,\"message\":\"Invalid operation\"}");
    assertThat(received).isEmpty();
  }

  @Test
  void theWebhookHandsTheRawEventToTheCoreAndAnswersSuccess() {
    Response response =
        resource.webhook("{\"type\":\"customer.subscription.updated\"}", "t=1,v1=abc");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(json(response.getEntity())).isEqualTo("{\"success\":true}");
    assertThat(received)
        .containsExactly(
            new BillingEventCommand("{\"type\":\"customer.subscription.updated\"}", "t=1,v1=abc"));
  }

  @Test
  void aWebhookWithABadSignatureIs400WithTheReason() {
    Response response = resource.webhook("{}", null);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(json(response.getEntity()))
        .isEqualTo("{\"detail\":\"Missing Stripe-Signature header\"}");
  }
}
