package io.khoj4j.application.port.in.auth;

import io.khoj4j.domain.user.User;

/**
 * Maps a person authenticated by an OpenID Connect provider to their khoj4j user: by the provider's subject id when
 * they signed in before, else by a verified e-mail address, else as a new account.
 */
public interface ExternalLoginUseCase {

  /**
   * @throws io.khoj4j.application.error.ForbiddenException when the provider shares no e-mail address, or an
   *     unverified one that already belongs to another account (linking it would let the provider's user take the
   *     account over)
   */
  User login(ExternalLoginCommand command);
}
