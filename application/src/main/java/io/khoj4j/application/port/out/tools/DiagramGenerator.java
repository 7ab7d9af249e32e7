package io.khoj4j.application.port.out.tools;

/**
 * Draws a diagram (Mermaid) from a description. A chat capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED} answers the
 * matching slash command with a clear message.
 */
public interface DiagramGenerator {

  /** Whether this server can do it. */
  boolean available();

  DiagramGenerator NOT_CONFIGURED = () -> false;
}
