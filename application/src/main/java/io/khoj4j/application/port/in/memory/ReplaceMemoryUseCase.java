package io.khoj4j.application.port.in.memory;

import io.khoj4j.domain.memory.Memory;

/** Replaces one of the caller's memories with corrected text (a new memory, new id, as in Khoj). */
public interface ReplaceMemoryUseCase {

  /**
   * @throws io.khoj4j.application.error.NotFoundException when the caller has no memory with that id
   * @throws io.khoj4j.application.error.InvalidInputException when the text is empty
   */
  Memory replace(ReplaceMemoryCommand command);
}
