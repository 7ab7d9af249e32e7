package io.khoj4j.application.port.in.memory;

/** Turns memories on or off for the caller. */
public interface SwitchMemoryUseCase {

  /** Stores the switch and returns it as stored. */
  boolean set(SwitchMemoryCommand command);
}
