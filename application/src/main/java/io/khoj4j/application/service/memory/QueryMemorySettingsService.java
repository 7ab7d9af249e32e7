package io.khoj4j.application.service.memory;

import io.khoj4j.application.port.in.memory.MemorySettings;
import io.khoj4j.application.port.in.memory.MemorySettingsQuery;
import io.khoj4j.application.port.in.memory.QueryMemorySettingsUseCase;
import io.khoj4j.application.port.out.memory.MemoryRepository;
import io.khoj4j.domain.memory.MemoryMode;

public final class QueryMemorySettingsService implements QueryMemorySettingsUseCase {

  private final MemoryRepository memories;
  private final MemoryMode mode;

  public QueryMemorySettingsService(MemoryRepository memories, MemoryMode mode) {
    this.memories = memories;
    this.mode = mode;
  }

  @Override
  public MemorySettings settings(MemorySettingsQuery query) {
    return new MemorySettings(
        mode, mode.enabledFor(memories.switchOf(query.userId()).orElse(null)));
  }
}
