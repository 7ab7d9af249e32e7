package io.khoj4j.application.service.connector;

import io.khoj4j.application.port.in.connector.SyncAllConnectorsUseCase;
import io.khoj4j.application.port.in.connector.SyncConnectorsCommand;
import io.khoj4j.application.port.in.connector.SyncConnectorsUseCase;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The scheduled sync: each user with a connector, one after another; one user's failure does not stop the rest. */
public final class SyncAllConnectorsService implements SyncAllConnectorsUseCase {

  private static final Logger LOG = Logger.getLogger(SyncAllConnectorsService.class.getName());

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
      try {
        sync.sync(SyncConnectorsCommand.all(owner));
      } catch (RuntimeException e) {
        // one user's failure that escaped the sync's own record of it (an account deleted during
        // its sync,
        // whose state can no longer be saved) does not stop the others
        LOG.log(Level.WARNING, "Connector sync for user " + owner + " failed: " + e, e);
      }
    }
    return owners.size();
  }
}
