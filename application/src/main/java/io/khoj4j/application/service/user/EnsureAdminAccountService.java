package io.khoj4j.application.service.user;

import io.khoj4j.application.port.in.user.EnsureAdminAccountUseCase;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.application.port.out.auth.PasswordHasher;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.PasswordHash;
import io.khoj4j.domain.user.User;

/** The administrator account created from configuration at start-up (its password set once, never overwritten). */
public final class EnsureAdminAccountService implements EnsureAdminAccountUseCase {

  private final UserRepository users;
  private final ProvisionUserUseCase provision;
  private final PasswordHasher hasher;
  private final UnitOfWork unitOfWork;

  public EnsureAdminAccountService(
      UserRepository users,
      ProvisionUserUseCase provision,
      PasswordHasher hasher,
      UnitOfWork unitOfWork) {
    this.users = users;
    this.provision = provision;
    this.hasher = hasher;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public User ensure(EnsureAdminAccountCommand command) {
    if (command.password() != null) {
      PasswordHash.checkLength(command.password());
    }
    User admin = provision.provision(new ProvisionUserCommand(command.email(), null, true, true));
    if (command.password() != null && users.findPasswordHash(admin.id()).isEmpty()) {
      PasswordHash hash = hasher.hash(command.password());
      unitOfWork.run(() -> users.setPasswordHash(admin.id(), hash));
    }
    return admin;
  }
}
