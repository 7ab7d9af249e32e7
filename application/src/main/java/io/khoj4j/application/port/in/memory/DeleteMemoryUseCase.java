package io.khoj4j.application.port.in.memory;

/** Forgets one of the caller's memories. */
public interface DeleteMemoryUseCase {

  /** @throws io.khoj4j.application.error.NotFoundException when the caller has no memory with that id */
  void delete(DeleteMemoryCommand command);
}
