package io.khoj4j.application.service.model;

import io.khoj4j.application.port.in.model.ChatModelQuery;
import io.khoj4j.application.port.in.model.QueryChatModelsUseCase;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The configured chat models and their APIs, and the model that answers a user: their own choice while their tier
 * may use it (a paid model's only on the premium tier, when billing is on), else the default, else the first
 * configured.
 */
public final class QueryChatModelsService implements QueryChatModelsUseCase {

  private final ChatModelRepository repository;
  private final Tiers tiers;

  public QueryChatModelsService(ChatModelRepository repository, Tiers tiers) {
    this.repository = repository;
    this.tiers = tiers;
  }

  @Override
  public List<ChatModel> options(ChatModelQuery.Options query) {
    return repository.models().stream()
        .sorted(Comparator.comparingLong(ChatModel::id))
        .toList();
  }

  @Override
  public Optional<ChatModel> effective(ChatModelQuery.Effective query) {
    return repository
        .userChoice(query.user())
        .flatMap(repository::model)
        .filter(chosen -> tiers.mayUse(query.user(), chosen.priceTier()))
        .or(() -> repository.defaultModelId().flatMap(repository::model))
        .or(() -> options(new ChatModelQuery.Options()).stream().findFirst());
  }

  @Override
  public List<AiModelApi> apis(ChatModelQuery.Options query) {
    return repository.apis();
  }
}
