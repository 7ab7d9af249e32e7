package io.khoj4j.bootstrap.jobs;

import io.khoj4j.application.port.in.connector.SyncAllConnectorsUseCase;
import io.khoj4j.bootstrap.ConnectorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Syncs every user's GitHub and Notion content on a schedule ({@code khoj.connectors.sync-interval}, hourly by
 * default), on one replica at a time: Khoj's {@code update_content_index_regularly} under its ProcessLock.
 */
@ApplicationScoped
public class ConnectorSyncJob implements ClusterJob {

  private final SyncAllConnectorsUseCase syncAll;
  private final Duration interval;

  public ConnectorSyncJob(SyncAllConnectorsUseCase syncAll, ConnectorConfig config) {
    this.syncAll = syncAll;
    this.interval = config.syncInterval();
  }

  @Override
  public String name() {
    return "connector-sync";
  }

  @Override
  public Duration every() {
    return interval;
  }

  @Override
  public void run() {
    syncAll.syncAll();
  }
}
