package io.khoj4j.application.port.in.model;

import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import java.util.List;
import java.util.Optional;

public interface QueryChatModelsUseCase {

  List<ChatModel> options(ChatModelQuery.Options query);

  Optional<ChatModel> effective(ChatModelQuery.Effective query);

  /** The APIs, for administrators (keys never leave the store). */
  List<AiModelApi> apis(ChatModelQuery.Options query);
}
