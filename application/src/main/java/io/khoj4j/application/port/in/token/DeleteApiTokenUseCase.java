package io.khoj4j.application.port.in.token;

public interface DeleteApiTokenUseCase {

  /** Deletes the token; throws {@code NotFoundException} when the owner has no such token. */
  void delete(DeleteApiTokenCommand command);
}
