package io.khoj4j.application.port.in.memory;

/** The memory fields of the caller's settings. */
public interface QueryMemorySettingsUseCase {

  MemorySettings settings(MemorySettingsQuery query);
}
