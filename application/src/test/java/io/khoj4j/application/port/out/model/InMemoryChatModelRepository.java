package io.khoj4j.application.port.out.model;

import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.user.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Fake of {@link ChatModelRepository}; passes {@link ChatModelRepositoryContract}. */
public final class InMemoryChatModelRepository implements ChatModelRepository {

  private final Map<UUID, AiModelApi> apis = new ConcurrentHashMap<>();
  private final Map<UUID, SealedSecret> keys = new ConcurrentHashMap<>();
  private final Map<UUID, Set<String>> offered = new ConcurrentHashMap<>();
  private final Map<Long, ChatModel> models = new ConcurrentHashMap<>();
  private final Map<UserId, Long> choices = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong();
  private volatile Long defaultId;

  @Override
  public List<AiModelApi> apis() {
    return apis.values().stream().sorted(Comparator.comparing(AiModelApi::name)).toList();
  }

  @Override
  public Optional<AiModelApi> api(UUID id) {
    return Optional.ofNullable(apis.get(id));
  }

  @Override
  public Optional<AiModelApi> apiByName(String name) {
    return apis.values().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  @Override
  public void saveApi(AiModelApi api, Optional<SealedSecret> key) {
    apis.put(api.id(), api);
    key.ifPresent(k -> keys.put(api.id(), k));
  }

  @Override
  public Optional<SealedSecret> apiKey(UUID apiId) {
    return Optional.ofNullable(keys.get(apiId));
  }

  @Override
  public boolean deleteApi(UUID id) {
    keys.remove(id);
    offered.remove(id);
    models.values().removeIf(m -> id.equals(m.apiId()));
    return apis.remove(id) != null;
  }

  @Override
  public Set<String> offeredModels(UUID apiId) {
    return offered.getOrDefault(apiId, Set.of());
  }

  @Override
  public void saveOfferedModels(UUID apiId, Set<String> names) {
    if (apis.containsKey(apiId)) {
      offered.put(apiId, Set.copyOf(names));
    }
  }

  @Override
  public List<ChatModel> models() {
    return models.values().stream()
        .sorted(Comparator.comparingLong(ChatModel::id))
        .toList();
  }

  @Override
  public Optional<ChatModel> model(long id) {
    return Optional.ofNullable(models.get(id));
  }

  @Override
  public Optional<ChatModel> modelByName(UUID apiId, String name) {
    return models.values().stream()
        .filter(m -> Objects.equals(m.apiId(), apiId) && m.name().equals(name))
        .findFirst();
  }

  @Override
  public ChatModel saveModel(ChatModel model) {
    long id = model.id() == 0 ? nextId.incrementAndGet() : model.id();
    ChatModel saved = new ChatModel(
        id,
        model.name(),
        model.friendlyName(),
        model.vendor(),
        model.maxPromptSize(),
        model.visionEnabled(),
        model.priceTier(),
        model.description(),
        model.strengths(),
        model.apiId());
    models.put(id, saved);
    return saved;
  }

  @Override
  public boolean deleteModel(long id) {
    if (Objects.equals(defaultId, id)) {
      defaultId = null;
    }
    choices.values().removeIf(v -> v == id);
    return models.remove(id) != null;
  }

  @Override
  public Optional<Long> defaultModelId() {
    return Optional.ofNullable(defaultId);
  }

  @Override
  public void setDefaultModel(Optional<Long> modelId) {
    defaultId = modelId.orElse(null);
  }

  @Override
  public Optional<Long> userChoice(UserId user) {
    return Optional.ofNullable(choices.get(user));
  }

  @Override
  public void setUserChoice(UserId user, long modelId) {
    choices.put(user, modelId);
  }
}
