package io.khoj4j.application.port.in.subscription;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.subscription.SubscriptionType;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An administrator sets a user's subscription (a trial, a paid period, or none). */
public interface SetSubscriptionUseCase {

  /** @throws io.khoj4j.application.error.NotFoundException when the user does not exist */
  SubscriptionStatus set(SetSubscriptionCommand command);

  /**
   * @param renewalDate the end of the paid period; for a trial, empty starts a fresh trial now
   */
  record SetSubscriptionCommand(
      UserId user, SubscriptionType type, boolean recurring, Optional<Instant> renewalDate) {
    public SetSubscriptionCommand {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(renewalDate, "renewalDate");
      if (type == null) {
        throw new InvalidInputException("type must be trial or standard");
      }
      if (type == SubscriptionType.TRIAL && recurring) {
        throw new InvalidInputException("a trial does not renew");
      }
    }
  }
}
