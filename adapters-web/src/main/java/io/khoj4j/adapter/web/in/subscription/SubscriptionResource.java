package io.khoj4j.adapter.web.in.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.subscription.ChangeSubscriptionUseCase;
import io.khoj4j.application.port.in.subscription.ChangeSubscriptionUseCase.ChangeResult;
import io.khoj4j.application.port.in.subscription.ChangeSubscriptionUseCase.ChangeSubscriptionCommand;
import io.khoj4j.application.port.in.subscription.ChangeSubscriptionUseCase.Operation;
import io.khoj4j.application.port.in.subscription.HandleBillingEventUseCase;
import io.khoj4j.application.port.in.subscription.HandleBillingEventUseCase.BillingEventCommand;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Khoj's subscription router: Stripe's webhook (signed, no user) and a user's cancel or resubscribe. Both are 404 when
 * billing is off, as Khoj mounts the router only then. A bad signature or body is 400 with the reason (Khoj: 500).
 */
@Path("/api/subscription")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

  private final CurrentUser currentUser;
  private final HandleBillingEventUseCase events;
  private final ChangeSubscriptionUseCase changes;

  public SubscriptionResource(
      CurrentUser currentUser,
      HandleBillingEventUseCase events,
      ChangeSubscriptionUseCase changes) {
    this.currentUser = currentUser;
    this.events = events;
    this.changes = changes;
  }

  public record SuccessResponse(boolean success) {}

  /** Khoj's answer to a cancellation or resubscription: whether it worked and, when it did not, why. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChangeResponse(boolean success, String message) {}

  @POST
  @PermitAll
  @Blocking
  @Consumes(MediaType.WILDCARD)
  public Response webhook(String body, @HeaderParam("stripe-signature") String signature) {
    try {
      boolean success = events.handle(new BillingEventCommand(body, signature));
      return Response.ok(new SuccessResponse(success)).build();
    } catch (InvalidInputException bad) {
      return ErrorMappers.json(400, bad.getMessage());
    }
  }

  @PATCH
  @Authenticated
  @Blocking
  public ChangeResponse change(@QueryParam("operation") String operation) {
    Operation op = switch (operation == null ? "" : operation) {
      case "cancel" -> Operation.CANCEL;
      case "resubscribe" -> Operation.RESUBSCRIBE;
      default -> null;
    };
    ChangeResult result = op == null
        ? ChangeResult.refused("Invalid operation")
        : changes.change(new ChangeSubscriptionCommand(currentUser.id(), op));
    return new ChangeResponse(result.success(), result.message().orElse(null));
  }
}
