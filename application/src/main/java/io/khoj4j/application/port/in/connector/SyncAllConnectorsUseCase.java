package io.khoj4j.application.port.in.connector;

/** The scheduled sync: every user's configured connectors, one user after another. */
public interface SyncAllConnectorsUseCase {

  /** Returns how many users were synced. */
  int syncAll();
}
