package io.khoj4j.adapter.web.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** "Act as the built-in default user": issued for every request in single-user (anonymous) mode. */
public final class SingleUserAuthenticationRequest extends BaseAuthenticationRequest {}
