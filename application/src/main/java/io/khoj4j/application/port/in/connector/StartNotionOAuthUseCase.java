package io.khoj4j.application.port.in.connector;

import java.util.Optional;

/** Notion's authorize URL with a fresh single-use state bound to the caller; empty when OAuth is not configured. */
public interface StartNotionOAuthUseCase {

  Optional<String> authorizeUrl(StartNotionOAuthQuery query);
}
