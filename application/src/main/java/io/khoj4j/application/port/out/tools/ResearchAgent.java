package io.khoj4j.application.port.out.tools;

/**
 * Runs Khoj's multi-step research loop over the other tools. A chat capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED} answers the
 * matching slash command with a clear message.
 */
public interface ResearchAgent {

  /** Whether this server can do it. */
  boolean available();

  ResearchAgent NOT_CONFIGURED = () -> false;
}
