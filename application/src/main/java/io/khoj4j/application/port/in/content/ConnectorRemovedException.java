package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.content.ContentSource;

/**
 * A connector's sync stops: its owner removed the connector (and with it what it had indexed) while it ran, so nothing
 * more of it is written.
 */
public final class ConnectorRemovedException extends RuntimeException {

  public ConnectorRemovedException(ContentSource source) {
    super(source.wireName() + " was removed while it was syncing");
  }
}
