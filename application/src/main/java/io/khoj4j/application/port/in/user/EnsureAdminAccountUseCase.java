package io.khoj4j.application.port.in.user;

import io.khoj4j.domain.user.User;

/**
 * Makes sure the operator's administrator account exists (from {@code KHOJ_ADMIN_EMAIL} and
 * {@code KHOJ_ADMIN_PASSWORD}). Idempotent: a later start never changes a password that is already set.
 */
public interface EnsureAdminAccountUseCase {

  User ensure(EnsureAdminAccountCommand command);

  /** {@code password} may be null: the administrator then signs in by magic link or uses tokens. */
  record EnsureAdminAccountCommand(String email, String password) {
    @Override
    public String toString() {
      return "EnsureAdminAccountCommand[email=" + email + "]";
    }
  }
}
