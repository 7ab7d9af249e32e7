package io.khoj4j.application.port.in.memory;

import io.khoj4j.domain.memory.MemoryMode;

/** The server's memory mode and whether the caller has memories under it. */
public record MemorySettings(MemoryMode mode, boolean enabled) {}
