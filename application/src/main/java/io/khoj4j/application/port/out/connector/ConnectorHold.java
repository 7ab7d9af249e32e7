package io.khoj4j.application.port.out.connector;

import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;

/**
 * Keeps a connector in place while something of it is written. Removing a connector deletes what it indexed in the
 * same transaction; a sync's file written beside that removal would otherwise outlive it.
 */
public interface ConnectorHold {

  /**
   * In the caller's transaction: whether the owner's connector of {@code source} is set up. When it is, its removal
   * waits until the caller's transaction ends (and then deletes what it wrote); when it is not, the caller must write
   * nothing of it. The computer has no connector: always true.
   */
  boolean hold(UserId owner, ContentSource source);
}
