package io.khoj4j.application.port.out.tools;

/**
 * Runs Python code in an isolated sandbox. A chat capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED} answers the
 * matching slash command with a clear message.
 */
public interface CodeSandbox {

  /** Whether this server can do it. */
  boolean available();

  CodeSandbox NOT_CONFIGURED = () -> false;
}
