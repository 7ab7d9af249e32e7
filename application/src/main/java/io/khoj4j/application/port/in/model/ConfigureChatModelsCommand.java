package io.khoj4j.application.port.in.model;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ModelVendor;
import java.util.Optional;
import java.util.UUID;

/** What an administrator changes in the model configuration. */
public sealed interface ConfigureChatModelsCommand {

  /** Creates (id empty) or updates an API; an empty key keeps the stored one, a blank key removes it. */
  record SaveApi(Optional<UUID> id, String name, String baseUrl, Optional<String> apiKey)
      implements ConfigureChatModelsCommand {
    public SaveApi {
      if (name == null || name.isBlank() || name.length() > 200) {
        throw new InvalidInputException("name is required (at most 200 characters)");
      }
      if (baseUrl != null && !baseUrl.isBlank() && !baseUrl.matches("(?i)https?://\\S+")) {
        throw new InvalidInputException("base_url must be an http(s) URL");
      }
      id = id == null ? Optional.empty() : id;
      apiKey = apiKey == null ? Optional.empty() : apiKey;
    }
  }

  record DeleteApi(UUID id) implements ConfigureChatModelsCommand {}

  /** Creates (id 0) or updates a chat model. */
  record SaveModel(
      long id,
      String name,
      String friendlyName,
      ModelVendor vendor,
      Integer maxPromptSize,
      boolean vision,
      ChatModel.PriceTier tier,
      String description,
      String strengths,
      UUID apiId)
      implements ConfigureChatModelsCommand {
    public SaveModel {
      if (name == null || name.isBlank() || name.length() > 200) {
        throw new InvalidInputException("name is required (at most 200 characters)");
      }
      if (vendor == null) {
        throw new InvalidInputException(
            "model_type must be one of openai, anthropic, google, ollama");
      }
      if (maxPromptSize != null && (maxPromptSize < 256 || maxPromptSize > 10_000_000)) {
        throw new InvalidInputException("max_prompt_size must be between 256 and 10000000");
      }
    }
  }

  record DeleteModel(long id) implements ConfigureChatModelsCommand {}

  /** The server's default model; empty = none (the first model is used). */
  record SetDefault(Optional<Long> modelId) implements ConfigureChatModelsCommand {}
}
