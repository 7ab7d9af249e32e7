package io.khoj4j.application.service.connector;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.connector.CompleteNotionOAuthCommand;
import io.khoj4j.application.port.in.connector.CompleteNotionOAuthUseCase;
import io.khoj4j.application.port.out.connector.ConnectorException;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.connector.NotionWorkspace;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.util.Optional;

/** Ends Notion's OAuth flow: the state must be the caller's, unused and unexpired; the code becomes a sealed token. */
public final class CompleteNotionOAuthService implements CompleteNotionOAuthUseCase {

  private final ConnectorRepository connectors;
  private final NotionWorkspace notion;
  private final SecretBox secrets;
  private final Clock clock;

  public CompleteNotionOAuthService(
      ConnectorRepository connectors, NotionWorkspace notion, SecretBox secrets, Clock clock) {
    this.connectors = connectors;
    this.notion = notion;
    this.secrets = secrets;
    this.clock = clock;
  }

  @Override
  public void complete(CompleteNotionOAuthCommand command) {
    Optional<UserId> owner =
        connectors.takeOauthState(OAuthStates.hash(command.state()), clock.instant());
    if (owner.isEmpty() || !owner.get().equals(command.owner())) {
      throw new InvalidInputException("Invalid state parameter");
    }
    String token;
    try {
      token = notion.exchangeCode(command.code());
    } catch (ConnectorException e) {
      throw new UpstreamFailureException(
          "Notion did not accept the authorization: " + e.getMessage(),
          e.kind() == ConnectorException.Kind.UNAVAILABLE
              || e.kind() == ConnectorException.Kind.RATE_LIMITED,
          e);
    }
    connectors.saveNotion(command.owner(), Optional.of(secrets.seal(token)));
  }
}
