package io.khoj4j.application.port.in.connector;

public interface SyncConnectorsUseCase {

  SyncReport sync(SyncConnectorsCommand command);
}
