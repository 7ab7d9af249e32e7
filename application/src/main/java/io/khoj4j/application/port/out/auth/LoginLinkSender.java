package io.khoj4j.application.port.out.auth;

import java.net.URI;

/** Delivers a magic-link login to the person who asked for it, by e-mail. */
public interface LoginLinkSender {

  /**
   * Sends {@code link} (which carries {@code code}) to {@code email}.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the mail server refuses or cannot be reached
   */
  void send(String email, URI link, String code);
}
