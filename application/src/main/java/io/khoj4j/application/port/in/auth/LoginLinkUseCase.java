package io.khoj4j.application.port.in.auth;

/**
 * Magic-link login: a link with a one-time code is mailed to the address; opening it signs the browser in. Asking for
 * a link also creates the account when open sign-up is allowed, as in Khoj.
 */
public interface LoginLinkUseCase {

  /**
   * Mails a fresh link (replacing any earlier one). Says nothing about whether the address had an account.
   *
   * @throws io.khoj4j.application.error.QuotaExceededException when the address or the client asked too often
   */
  void request(RequestLoginLinkCommand command);

  /**
   * @throws io.khoj4j.application.error.NotFoundException for an address without an account
   * @throws io.khoj4j.application.error.UnauthenticatedException for a wrong or already used code
   * @throws io.khoj4j.application.error.ForbiddenException for an expired code
   * @throws io.khoj4j.application.error.QuotaExceededException after too many attempts
   */
  SignedIn redeem(RedeemLoginLinkCommand command);
}
