package io.khoj4j.adapter.persistence.out.user;

import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;

final class UserEntityMapper {

  private UserEntityMapper() {}

  static User toDomain(UserEntity e) {
    return new User(
        new UserId(e.id),
        e.username,
        e.email,
        e.firstName,
        e.lastName,
        e.verifiedEmail,
        e.admin,
        e.createdAt);
  }

  static void copy(User u, UserEntity e) {
    e.id = u.id().value();
    e.username = u.username();
    e.email = u.email();
    e.firstName = u.firstName();
    e.lastName = u.lastName();
    e.verifiedEmail = u.verifiedEmail();
    e.admin = u.admin();
    e.createdAt = u.createdAt();
  }
}
