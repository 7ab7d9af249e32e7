package io.khoj4j.application.service.user;

import io.khoj4j.application.port.in.user.ListUsersUseCase;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.User;
import java.util.List;

/** The operator's list of users, a page at a time. */
public final class ListUsersService implements ListUsersUseCase {

  private final UserRepository users;

  public ListUsersService(UserRepository users) {
    this.users = users;
  }

  @Override
  public List<User> list(ListUsersQuery query) {
    return users.findAll(query.offset(), query.limit());
  }
}
