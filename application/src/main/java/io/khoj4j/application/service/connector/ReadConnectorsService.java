package io.khoj4j.application.service.connector;

import io.khoj4j.application.port.in.connector.ConnectorsView;
import io.khoj4j.application.port.in.connector.ReadConnectorsQuery;
import io.khoj4j.application.port.in.connector.ReadConnectorsUseCase;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.domain.content.ContentSource;
import java.util.Optional;

/** The caller's connector settings and sync states. */
public final class ReadConnectorsService implements ReadConnectorsUseCase {

  private final ConnectorRepository connectors;
  private final SecretBox secrets;

  public ReadConnectorsService(ConnectorRepository connectors, SecretBox secrets) {
    this.connectors = connectors;
    this.secrets = secrets;
  }

  @Override
  public ConnectorsView read(ReadConnectorsQuery query) {
    var github = connectors
        .github(query.owner())
        .map(g -> new ConnectorsView.Github(g.token().flatMap(this::open), g.repos()));
    return new ConnectorsView(
        github,
        connectors.notionToken(query.owner()).flatMap(this::open),
        connectors.state(query.owner(), ContentSource.GITHUB),
        connectors.state(query.owner(), ContentSource.NOTION));
  }

  private Optional<String> open(SealedSecret sealed) {
    try {
      return Optional.of(secrets.open(sealed));
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }
}
