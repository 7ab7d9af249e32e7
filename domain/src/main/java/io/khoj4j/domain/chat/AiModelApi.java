package io.khoj4j.domain.chat;

import java.util.Objects;
import java.util.UUID;

/** Where chat models are reached (Khoj's AiModelApi): a name and a base URL; its key is stored sealed, apart. */
public record AiModelApi(UUID id, String name, String baseUrl) {

  public AiModelApi {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
  }
}
