package io.khoj4j.application.port.out.tools;

/**
 * Reads a web page into text. A chat capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED} answers the
 * matching slash command with a clear message.
 */
public interface WebReader {

  /** Whether this server can do it. */
  boolean available();

  WebReader NOT_CONFIGURED = () -> false;
}
