package io.khoj4j.application.service.memory;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.memory.ReplaceMemoryCommand;
import io.khoj4j.application.port.in.memory.ReplaceMemoryUseCase;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.memory.MemoryRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.memory.Memory;
import java.time.Clock;

/**
 * Khoj's edit: the old memory is deleted and the corrected text stored as a new one (new id, new vector). The text is
 * embedded before the transaction; the delete and the insert are one transaction, so an edit never loses the memory.
 */
public final class ReplaceMemoryService implements ReplaceMemoryUseCase {

  private final MemoryRepository memories;
  private final EmbeddingModel embeddings;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public ReplaceMemoryService(
      MemoryRepository memories, EmbeddingModel embeddings, UnitOfWork unitOfWork, Clock clock) {
    this.memories = memories;
    this.embeddings = embeddings;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public Memory replace(ReplaceMemoryCommand command) {
    if (command.raw().isEmpty()) {
      throw new InvalidInputException("Missing required field 'raw'");
    }
    if (memories.find(command.userId(), command.memoryId()).isEmpty()) {
      throw new NotFoundException("Memory not found");
    }
    float[] vector = embeddings.embedDocuments(java.util.List.of(command.raw())).getFirst();
    return unitOfWork.inTransaction(() -> {
      if (!memories.delete(command.userId(), command.memoryId())) {
        throw new NotFoundException("Memory not found"); // deleted meanwhile: nothing is written
      }
      return memories.insert(
          command.userId(), command.raw(), vector, embeddings.id(), clock.instant());
    });
  }
}
