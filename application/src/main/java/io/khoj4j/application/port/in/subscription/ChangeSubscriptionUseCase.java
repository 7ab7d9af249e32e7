package io.khoj4j.application.port.in.subscription;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** A user cancels their subscription at the end of the period, or takes the cancellation back. */
public interface ChangeSubscriptionUseCase {

  ChangeResult change(ChangeSubscriptionCommand command);

  enum Operation {
    CANCEL,
    RESUBSCRIBE
  }

  record ChangeSubscriptionCommand(UserId user, Operation operation) {
    public ChangeSubscriptionCommand {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(operation, "operation");
    }
  }

  /** Done, or why not (Khoj's messages). */
  record ChangeResult(boolean success, Optional<String> message) {
    public static ChangeResult done() {
      return new ChangeResult(true, Optional.empty());
    }

    public static ChangeResult refused(String message) {
      return new ChangeResult(false, Optional.of(message));
    }
  }
}
