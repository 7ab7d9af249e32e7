package io.khoj4j.application.service.connector;

import io.khoj4j.application.port.in.connector.SyncAllConnectorsUseCase;
import io.khoj4j.application.port.in.connector.SyncConnectorsCommand;
import io.khoj4j.application.port.in.connector.SyncConnectorsUseCase;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.domain.user.UserId;
import java.util.List;

/** The scheduled sync: each user with a connector, one after another; one user's failure does not stop the rest. */
public final class SyncAllConnectorsService implements SyncAllConnectorsUseCase {

  private final ConnectorRepository connectors;
  private final SyncConnectorsUseCase sync;

  public SyncAllConnectorsService(ConnectorRepository connectors, SyncConnectorsUseCase sync) {
    this.connectors = connectors;
    this.sync = sync;
  }

  @Override
  public int syncAll() {
    List<UserId> owners = connectors.ownersWithConnectors();
    for (UserId owner : owners) {
      sync.sync(SyncConnectorsCommand.all(owner));
    }
    return owners.size();
  }
}
