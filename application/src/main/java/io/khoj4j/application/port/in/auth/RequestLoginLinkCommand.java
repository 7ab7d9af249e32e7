package io.khoj4j.application.port.in.auth;

import io.khoj4j.application.port.in.user.ProvisionUserCommand;

/** The address is checked and normalised (lower case) as for any new account. */
public record RequestLoginLinkCommand(String email, String clientAddress) {

  public RequestLoginLinkCommand {
    email = ProvisionUserCommand.byEmail(email).email();
  }
}
