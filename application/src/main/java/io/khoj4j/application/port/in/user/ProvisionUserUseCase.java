package io.khoj4j.application.port.in.user;

import io.khoj4j.domain.user.User;

/** Gets or creates a user by e-mail: single-user mode, operator commands and logins all come through here. */
public interface ProvisionUserUseCase {

  User provision(ProvisionUserCommand command);
}
