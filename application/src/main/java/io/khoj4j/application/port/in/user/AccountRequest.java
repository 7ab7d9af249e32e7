package io.khoj4j.application.port.in.user;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** What a user asks of their own account. */
public sealed interface AccountRequest {

  UserId user();

  record Get(UserId user) implements AccountRequest {}

  /** Khoj's rule: "First" or "First Last"; more than two words is refused. */
  record Rename(UserId user, String name) implements AccountRequest {
    public Rename {
      Objects.requireNonNull(name, "name");
      name = name.strip();
      if (name.isEmpty()) {
        throw new InvalidInputException("Name must not be empty");
      }
      if (name.split(" ").length > 2) {
        throw new InvalidInputException("Name must be in the format: Firstname Lastname");
      }
      if (name.length() > 150) {
        throw new InvalidInputException("Name is longer than 150 characters");
      }
    }
  }

  /** Deletes the account and everything it owns. */
  record Delete(UserId user) implements AccountRequest {}
}
