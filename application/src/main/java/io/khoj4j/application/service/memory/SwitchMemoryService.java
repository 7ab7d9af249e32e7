package io.khoj4j.application.service.memory;

import io.khoj4j.application.port.in.memory.SwitchMemoryCommand;
import io.khoj4j.application.port.in.memory.SwitchMemoryUseCase;
import io.khoj4j.application.port.out.memory.MemoryRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import java.time.Clock;

/** Stores the caller's switch (Khoj stores it whatever the server's mode; the mode decides what it means). */
public final class SwitchMemoryService implements SwitchMemoryUseCase {

  private final MemoryRepository memories;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public SwitchMemoryService(MemoryRepository memories, UnitOfWork unitOfWork, Clock clock) {
    this.memories = memories;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public boolean set(SwitchMemoryCommand command) {
    unitOfWork.run(() -> memories.setSwitch(command.userId(), command.enabled(), clock.instant()));
    return command.enabled();
  }
}
