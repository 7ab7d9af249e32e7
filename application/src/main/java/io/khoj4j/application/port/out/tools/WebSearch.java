package io.khoj4j.application.port.out.tools;

/**
 * Searches the web for a query (Serper, SearXNG, …). A chat capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED} answers the
 * matching slash command with a clear message.
 */
public interface WebSearch {

  /** Whether this server can do it. */
  boolean available();

  WebSearch NOT_CONFIGURED = () -> false;
}
