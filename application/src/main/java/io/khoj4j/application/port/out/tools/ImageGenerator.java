package io.khoj4j.application.port.out.tools;

/**
 * Paints an image from a description. A chat capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED} answers the
 * matching slash command with a clear message.
 */
public interface ImageGenerator {

  /** Whether this server can do it. */
  boolean available();

  ImageGenerator NOT_CONFIGURED = () -> false;
}
