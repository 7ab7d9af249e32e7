package io.khoj4j.application.service.memory;

import io.khoj4j.application.port.in.memory.ListMemoriesQuery;
import io.khoj4j.application.port.in.memory.ListMemoriesUseCase;
import io.khoj4j.application.port.out.memory.MemoryRepository;
import io.khoj4j.domain.memory.Memory;
import java.util.List;

public final class ListMemoriesService implements ListMemoriesUseCase {

  private final MemoryRepository memories;

  public ListMemoriesService(MemoryRepository memories) {
    this.memories = memories;
  }

  @Override
  public List<Memory> list(ListMemoriesQuery query) {
    return memories.list(query.userId());
  }
}
