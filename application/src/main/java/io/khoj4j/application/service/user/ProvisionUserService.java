package io.khoj4j.application.service.user;

import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;

public final class ProvisionUserService implements ProvisionUserUseCase {

  private final UserRepository users;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;

  public ProvisionUserService(
      UserRepository users, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    this.users = users;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public User provision(ProvisionUserCommand command) {
    return unitOfWork.inTransaction(() -> {
      User candidate = new User(
          new UserId(ids.newId()),
          command.username(),
          command.email(),
          "",
          "",
          command.verifiedEmail(),
          command.admin(),
          clock.instant());
      User user = users.insertIfAbsent(candidate);
      boolean raise =
          (command.admin() && !user.admin()) || (command.verifiedEmail() && !user.verifiedEmail());
      if (raise) {
        user = new User(
            user.id(),
            user.username(),
            user.email(),
            user.firstName(),
            user.lastName(),
            user.verifiedEmail() || command.verifiedEmail(),
            user.admin() || command.admin(),
            user.createdAt());
        users.update(user);
      }
      return user;
    });
  }
}
