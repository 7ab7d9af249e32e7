package io.khoj4j.application.service.connector;

import java.time.Duration;
import java.util.Optional;

/**
 * Operator settings of the connectors: files larger than {@code maxFileBytes} are not downloaded, items are indexed
 * {@code batchSize} at a time, and Notion OAuth is offered when its client id, secret and redirect URI are set.
 */
public record ConnectorSettings(
    long maxFileBytes, int batchSize, Optional<NotionOAuth> notionOAuth) {

  public ConnectorSettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    notionOAuth = notionOAuth == null ? Optional.empty() : notionOAuth;
  }

  /** {@code authorizeUrl} is Notion's (a test points it elsewhere); a state is valid for {@code stateLifetime}. */
  public record NotionOAuth(
      String clientId, String redirectUri, String authorizeUrl, Duration stateLifetime) {}
}
