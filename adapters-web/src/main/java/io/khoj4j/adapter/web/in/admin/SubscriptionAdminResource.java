package io.khoj4j.adapter.web.in.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.subscription.SetSubscriptionUseCase;
import io.khoj4j.application.port.in.subscription.SetSubscriptionUseCase.SetSubscriptionCommand;
import io.khoj4j.application.port.in.subscription.SubscriptionStatus;
import io.khoj4j.domain.subscription.SubscriptionType;
import io.khoj4j.domain.user.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * Administrators set a user's subscription (Khoj's admin does it in Django's admin): a trial (starting now unless a
 * renewal date is given), a paid period, or none ({@code standard} without renewal date: expired).
 */
@Path("/api/admin/users/{id}/subscription")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionAdminResource {

  private final SetSubscriptionUseCase setSubscription;

  public SubscriptionAdminResource(SetSubscriptionUseCase setSubscription) {
    this.setSubscription = setSubscription;
  }

  public record SubscriptionRequest(
      String type,
      @JsonProperty("is_recurring") Boolean recurring,
      @JsonProperty("renewal_date") String renewalDate) {}

  public record SubscriptionResponse(
      String state,
      boolean premium,
      @JsonProperty("renewal_date") Instant renewalDate,
      @JsonProperty("enabled_trial_at") Instant enabledTrialAt) {

    static SubscriptionResponse of(SubscriptionStatus s) {
      return new SubscriptionResponse(
          s.state().wireName(),
          s.premium(),
          s.renewalDate().orElse(null),
          s.enabledTrialAt().orElse(null));
    }
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public SubscriptionResponse set(@PathParam("id") String id, SubscriptionRequest body) {
    if (body == null || body.type() == null) {
      throw RequestValidationException.missing("body", "type");
    }
    SubscriptionType type;
    try {
      type = SubscriptionType.fromWire(body.type());
    } catch (IllegalArgumentException e) {
      throw RequestValidationException.of(
          "body", "type", "Input should be 'trial' or 'standard'", body.type());
    }
    Optional<Instant> renewal;
    try {
      renewal = Optional.ofNullable(body.renewalDate()).map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw RequestValidationException.of(
          "body", "renewal_date", "Input should be an ISO-8601 instant", body.renewalDate());
    }
    UserId user;
    try {
      user = new UserId(UUID.fromString(id));
    } catch (IllegalArgumentException notAUuid) {
      throw new NotFoundException("User not found.");
    }
    return SubscriptionResponse.of(setSubscription.set(
        new SetSubscriptionCommand(user, type, Boolean.TRUE.equals(body.recurring()), renewal)));
  }
}
