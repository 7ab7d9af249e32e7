package io.khoj4j.application.service.connector;

import io.khoj4j.application.port.in.connector.StartNotionOAuthQuery;
import io.khoj4j.application.port.in.connector.StartNotionOAuthUseCase;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.shared.SecretGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Notion's authorize URL for the caller. Khoj puts the user's id in {@code state}, which anyone who knows it can
 * replay; here the state is a random value, stored hashed with its owner, that works once and expires.
 */
public final class StartNotionOAuthService implements StartNotionOAuthUseCase {

  private final ConnectorRepository connectors;
  private final SecretGenerator random;
  private final Clock clock;
  private final ConnectorSettings settings;

  public StartNotionOAuthService(
      ConnectorRepository connectors,
      SecretGenerator random,
      Clock clock,
      ConnectorSettings settings) {
    this.connectors = connectors;
    this.random = random;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public Optional<String> authorizeUrl(StartNotionOAuthQuery query) {
    return settings.notionOAuth().map(oauth -> {
      String state = random.urlSafeSecret(24);
      connectors.saveOauthState(
          OAuthStates.hash(state), query.owner(), clock.instant().plus(oauth.stateLifetime()));
      return oauth.authorizeUrl() + "?client_id=" + encode(oauth.clientId()) + "&redirect_uri="
          + encode(oauth.redirectUri()) + "&response_type=code&owner=user&state=" + state;
    });
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
