package io.khoj4j.application.service.model;

import io.khoj4j.application.port.in.model.ChatModelQuery;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.user.UserId;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which endpoint answers a user's chat (the chat's {@link ChatModelSelection} port): the user's model, or an agent's
 * when it is still configured. The vendor key is opened from the {@link SecretBox} only here, to call the model.
 */
public final class ChatModelSelectionService implements ChatModelSelection {

  private final ChatModelRepository repository;
  private final SecretBox secrets;
  private final Tiers tiers;
  private final QueryChatModelsService models;

  public ChatModelSelectionService(ChatModelRepository repository, SecretBox secrets, Tiers tiers) {
    this.repository = repository;
    this.secrets = secrets;
    this.tiers = tiers;
    this.models = new QueryChatModelsService(repository, tiers);
  }

  /** The endpoint that answers this user, key opened; empty when no model is configured. */
  @Override
  public Optional<ChatModelEndpoint> modelFor(UserId user) {
    return models.effective(new ChatModelQuery.Effective(user)).map(this::endpoint);
  }

  /**
   * An agent's model serves the turn when it is still configured and the user's tier may use it (a paid model only on
   * the premium tier, when billing is on); otherwise the user's own answers.
   */
  @Override
  public Optional<ChatModelEndpoint> modelFor(UserId user, Optional<String> preferred) {
    return preferred
        .flatMap(name -> repository.models().stream()
            .filter(m -> name.equals(m.friendlyName()))
            .min(Comparator.comparingLong(ChatModel::id)))
        .filter(model -> tiers.mayUse(user, model.priceTier()))
        .map(this::endpoint)
        .or(() -> modelFor(user));
  }

  /** The endpoint of a model, key opened. */
  private ChatModelEndpoint endpoint(ChatModel model) {
    Optional<AiModelApi> api = Optional.ofNullable(model.apiId()).flatMap(repository::api);
    String key = api.flatMap(a -> repository.apiKey(a.id())).map(secrets::open).orElse("");
    return new ChatModelEndpoint(
        model.vendor(),
        model.name(),
        api.map(AiModelApi::baseUrl).orElse(null),
        key,
        model.promptBudget(),
        model.visionEnabled());
  }
}
