package io.khoj4j.application.port.in.model;

import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.image.ImageModel;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** An administrator's change to the text-to-image models users may paint with. */
public sealed interface ConfigureImageModelsCommand {

  /** Creates ({@code id} 0) or replaces a model; {@code apiKey} empty keeps a stored key. */
  record Save(
      long id,
      String name,
      String friendlyName,
      ImageModel.Kind kind,
      Optional<String> apiKey,
      Optional<URI> apiUrl,
      ChatModel.PriceTier tier)
      implements ConfigureImageModelsCommand {
    public Save {
      Objects.requireNonNull(kind, "kind");
      apiKey = apiKey == null ? Optional.empty() : apiKey.filter(k -> !k.isBlank());
      apiUrl = apiUrl == null ? Optional.empty() : apiUrl;
    }
  }

  record Delete(long id) implements ConfigureImageModelsCommand {}
}
