package io.khoj4j.application.port.in.user;

import io.khoj4j.domain.user.User;

/** A user's own account: read it, rename it, delete it with all its data. */
public interface ManageAccountUseCase {

  /** @throws io.khoj4j.application.error.NotFoundException when the account no longer exists */
  User get(AccountRequest.Get request);

  User rename(AccountRequest.Rename request);

  void delete(AccountRequest.Delete request);
}
