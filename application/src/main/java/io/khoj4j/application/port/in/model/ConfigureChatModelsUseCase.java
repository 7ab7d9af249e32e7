package io.khoj4j.application.port.in.model;

import java.util.Optional;
import java.util.UUID;

/** Administrators manage model APIs and chat models. */
public interface ConfigureChatModelsUseCase {

  /** What a command saved: the API's id or the model's id (both empty for deletions and defaults). */
  record Saved(Optional<UUID> apiId, Optional<Long> modelId) {}

  /**
   * @throws io.khoj4j.application.error.NotFoundException for an unknown API or model
   * @throws io.khoj4j.application.error.ConflictException for a duplicate name
   */
  Saved configure(ConfigureChatModelsCommand command);
}
