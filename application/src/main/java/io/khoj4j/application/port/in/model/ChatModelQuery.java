package io.khoj4j.application.port.in.model;

import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Questions about the configured chat models. */
public sealed interface ChatModelQuery {

  /** Every model users may pick, in a stable order. */
  record Options() implements ChatModelQuery {}

  /** The model that answers this user: their choice, else the server default, else the first model. */
  record Effective(UserId user) implements ChatModelQuery {
    public Effective {
      Objects.requireNonNull(user, "user");
    }
  }
}
