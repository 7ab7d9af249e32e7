package io.khoj4j.application.port.in.subscription;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** A user's subscription state and tier, now. */
public interface GetSubscriptionUseCase {

  SubscriptionStatus get(GetSubscriptionQuery query);

  record GetSubscriptionQuery(UserId user) {
    public GetSubscriptionQuery {
      Objects.requireNonNull(user, "user");
    }
  }
}
