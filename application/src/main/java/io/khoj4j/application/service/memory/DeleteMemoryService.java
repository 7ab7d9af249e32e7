package io.khoj4j.application.service.memory;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.memory.DeleteMemoryCommand;
import io.khoj4j.application.port.in.memory.DeleteMemoryUseCase;
import io.khoj4j.application.port.out.memory.MemoryRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;

/** Forgets a memory; another user's (or an unknown) id is "Memory not found", as in Khoj. */
public final class DeleteMemoryService implements DeleteMemoryUseCase {

  private final MemoryRepository memories;
  private final UnitOfWork unitOfWork;

  public DeleteMemoryService(MemoryRepository memories, UnitOfWork unitOfWork) {
    this.memories = memories;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public void delete(DeleteMemoryCommand command) {
    if (!unitOfWork.inTransaction(() -> memories.delete(command.userId(), command.memoryId()))) {
      throw new NotFoundException("Memory not found");
    }
  }
}
