package io.khoj4j.application.port.in.token;

import io.khoj4j.domain.user.ApiToken;

/** The new token with its secret: the only moment the secret exists outside the caller's hands. */
public record CreatedApiToken(ApiToken token, String secret) {}
