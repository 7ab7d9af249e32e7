package io.khoj4j.adapter.web.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret of a {@code session} cookie, to be checked against the stored sessions. */
public final class WebSessionAuthenticationRequest extends BaseAuthenticationRequest {

  private final String secret;

  public WebSessionAuthenticationRequest(String secret) {
    this.secret = secret;
  }

  public String secret() {
    return secret;
  }
}
