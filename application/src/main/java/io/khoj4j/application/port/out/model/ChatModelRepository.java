package io.khoj4j.application.port.out.model;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Stores the model configuration: APIs (keys sealed), chat models, the server default, each user's choice. */
public interface ChatModelRepository {

  List<AiModelApi> apis();

  Optional<AiModelApi> api(UUID id);

  Optional<AiModelApi> apiByName(String name);

  /** Inserts or replaces the API; a null key keeps the stored one. */
  void saveApi(AiModelApi api, Optional<SealedSecret> key);

  Optional<SealedSecret> apiKey(UUID apiId);

  boolean deleteApi(UUID id);

  /**
   * The model names the API's own list offered when the environment seeded it (an OpenAI-compatible server's
   * {@code /models}); empty for an API that has none.
   */
  Set<String> offeredModels(UUID apiId);

  /** Replaces what {@link #offeredModels} gives for the API (nothing when the API does not exist). */
  void saveOfferedModels(UUID apiId, Set<String> names);

  List<ChatModel> models();

  Optional<ChatModel> model(long id);

  Optional<ChatModel> modelByName(UUID apiId, String name);

  /** Inserts (id 0) or updates the model; returns it with its id. */
  ChatModel saveModel(ChatModel model);

  boolean deleteModel(long id);

  Optional<Long> defaultModelId();

  void setDefaultModel(Optional<Long> modelId);

  Optional<Long> userChoice(UserId user);

  void setUserChoice(UserId user, long modelId);
}
