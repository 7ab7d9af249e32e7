package io.khoj4j.application.port.in.auth;

/** Sign-in with e-mail and password (accounts that have one, such as the administrator's). */
public interface PasswordLoginUseCase {

  /**
   * @throws io.khoj4j.application.error.UnauthenticatedException for an unknown address or a wrong password
   * @throws io.khoj4j.application.error.QuotaExceededException when the address or the client made too many attempts
   */
  SignedIn login(PasswordLoginCommand command);
}
