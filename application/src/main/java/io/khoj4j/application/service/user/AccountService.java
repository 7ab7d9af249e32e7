package io.khoj4j.application.service.user;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.user.AccountQuery;
import io.khoj4j.application.port.in.user.DeleteAccountCommand;
import io.khoj4j.application.port.in.user.ManageAccountUseCase;
import io.khoj4j.application.port.in.user.RenameAccountCommand;
import io.khoj4j.application.port.out.auth.ExternalIdentityRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.User;
import java.util.Optional;

/** A user's own account. Deleting it removes everything the user owns (the store cascades from the user). */
public final class AccountService implements ManageAccountUseCase {

  private final UserRepository users;
  private final ExternalIdentityRepository identities;
  private final UnitOfWork unitOfWork;

  public AccountService(
      UserRepository users, ExternalIdentityRepository identities, UnitOfWork unitOfWork) {
    this.users = users;
    this.identities = identities;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public User get(AccountQuery request) {
    return users
        .findById(request.user())
        .orElseThrow(() -> new NotFoundException("User not found"));
  }

  @Override
  public Optional<String> photo(AccountQuery request) {
    return identities.latestPicture(request.user());
  }

  @Override
  public User rename(RenameAccountCommand request) {
    return unitOfWork.inTransaction(() -> {
      User user = get(new AccountQuery(request.user()));
      String[] parts = request.name().split(" ", 2);
      User renamed = new User(
          user.id(),
          user.username(),
          user.email(),
          parts[0],
          parts.length > 1 ? parts[1] : "",
          user.verifiedEmail(),
          user.admin(),
          user.createdAt());
      users.update(renamed);
      return renamed;
    });
  }

  @Override
  public void delete(DeleteAccountCommand request) {
    unitOfWork.run(() -> users.delete(request.user()));
  }
}
