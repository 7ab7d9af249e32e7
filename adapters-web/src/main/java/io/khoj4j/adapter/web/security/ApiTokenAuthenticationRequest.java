package io.khoj4j.adapter.web.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A khoj4j API token from an {@code Authorization: Bearer kk-…} header. */
public final class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {

  private final String token;

  public ApiTokenAuthenticationRequest(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }
}
