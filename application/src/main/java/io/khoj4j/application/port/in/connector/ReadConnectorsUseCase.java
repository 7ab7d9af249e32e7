package io.khoj4j.application.port.in.connector;

public interface ReadConnectorsUseCase {

  ConnectorsView read(ReadConnectorsQuery query);
}
