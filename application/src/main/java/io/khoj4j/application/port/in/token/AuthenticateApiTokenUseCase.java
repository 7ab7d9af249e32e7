package io.khoj4j.application.port.in.token;

import io.khoj4j.domain.user.User;
import java.util.Optional;

/** Resolves a bearer token to its user; empty for an unknown or deleted token. */
public interface AuthenticateApiTokenUseCase {

  Optional<User> authenticate(AuthenticateApiTokenQuery query);
}
