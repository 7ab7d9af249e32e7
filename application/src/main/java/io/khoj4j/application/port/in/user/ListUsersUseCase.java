package io.khoj4j.application.port.in.user;

import io.khoj4j.domain.user.User;
import java.util.List;

/** The administrator's view of every account, oldest first. */
public interface ListUsersUseCase {

  List<User> list(ListUsersQuery query);

  record ListUsersQuery(int offset, int limit) {
    public static final int MAX_LIMIT = 500;

    public ListUsersQuery {
      if (offset < 0) {
        throw new io.khoj4j.application.error.InvalidInputException("offset must not be negative");
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new io.khoj4j.application.error.InvalidInputException(
            "limit must be between 1 and " + MAX_LIMIT);
      }
    }
  }
}
