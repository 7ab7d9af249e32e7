package io.khoj4j.application.port.in.user;

import io.khoj4j.domain.user.User;
import java.util.Optional;

/** A user's own account: read it, rename it, delete it with all its data. */
public interface ManageAccountUseCase {

  /** @throws io.khoj4j.application.error.NotFoundException when the account no longer exists */
  User get(AccountQuery request);

  /**
   * The user's profile picture: the http(s) URL their OpenID Connect provider shared, from the identity whose
   * picture changed last; empty for users who never signed in through a provider that shares one.
   */
  Optional<String> photo(AccountQuery request);

  User rename(RenameAccountCommand request);

  void delete(DeleteAccountCommand request);
}
