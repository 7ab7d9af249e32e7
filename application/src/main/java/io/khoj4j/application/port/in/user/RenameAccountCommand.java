package io.khoj4j.application.port.in.user;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** A user renaming themselves. Khoj's rule: "First" or "First Last"; more than two words is refused. */
public record RenameAccountCommand(UserId user, String name) {
  public RenameAccountCommand {
    Objects.requireNonNull(user, "user");
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
