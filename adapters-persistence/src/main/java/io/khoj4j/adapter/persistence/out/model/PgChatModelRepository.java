package io.khoj4j.adapter.persistence.out.model;

import io.khoj4j.adapter.persistence.out.shared.SharedJson;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@ApplicationScoped
public class PgChatModelRepository implements ChatModelRepository {

  private final EntityManager em;

  public PgChatModelRepository(EntityManager em) {
    this.em = em;
  }

  private static AiModelApi toDomain(AiModelApiEntity e) {
    return new AiModelApi(e.id, e.name, e.baseUrl);
  }

  private static ChatModel toDomain(ChatModelEntity e) {
    return new ChatModel(
        e.id,
        e.name,
        e.friendlyName,
        ModelVendor.fromWire(e.modelType).orElse(ModelVendor.OPENAI),
        e.maxPromptSize,
        e.visionEnabled,
        ChatModel.PriceTier.of(e.priceTier),
        e.description,
        e.strengths,
        e.aiModelApiId);
  }

  @Override
  public List<AiModelApi> apis() {
    return AiModelApiEntity.<AiModelApiEntity>list("order by name").stream()
        .map(PgChatModelRepository::toDomain)
        .toList();
  }

  @Override
  public Optional<AiModelApi> api(UUID id) {
    return AiModelApiEntity.<AiModelApiEntity>findByIdOptional(id)
        .map(PgChatModelRepository::toDomain);
  }

  @Override
  public Optional<AiModelApi> apiByName(String name) {
    return AiModelApiEntity.<AiModelApiEntity>find("name", name)
        .firstResultOptional()
        .map(PgChatModelRepository::toDomain);
  }

  @Override
  @Transactional
  public void saveApi(AiModelApi api, Optional<SealedSecret> key) {
    AiModelApiEntity e = AiModelApiEntity.findById(api.id());
    if (e == null) {
      e = new AiModelApiEntity();
      e.id = api.id();
    }
    e.name = api.name();
    e.baseUrl = api.baseUrl();
    if (key.isPresent()) {
      e.apiKeySealed = key.get().value();
    }
    e.persist();
  }

  @Override
  public Optional<SealedSecret> apiKey(UUID apiId) {
    return AiModelApiEntity.<AiModelApiEntity>findByIdOptional(apiId)
        .map(e -> e.apiKeySealed)
        .filter(Objects::nonNull)
        .map(SealedSecret::new);
  }

  @Override
  @Transactional
  public boolean deleteApi(UUID id) {
    return AiModelApiEntity.deleteById(id);
  }

  @Override
  public Set<String> offeredModels(UUID apiId) {
    List<?> rows = em.createNativeQuery(
            "select unnest(offered_models) from ai_model_apis where id = :id")
        .setParameter("id", apiId)
        .getResultList();
    Set<String> names = new TreeSet<>();
    rows.forEach(r -> names.add((String) r));
    return names;
  }

  @Override
  @Transactional
  public void saveOfferedModels(UUID apiId, Set<String> names) {
    em.flush(); // an API persisted in this transaction is inserted before the update looks for it
    em.createNativeQuery("update ai_model_apis set offered_models = array(select"
            + " jsonb_array_elements_text(cast(:names as jsonb))) where id = :id")
        .setParameter(
            "names", SharedJson.MAPPER.valueToTree(new TreeSet<>(names)).toString())
        .setParameter("id", apiId)
        .executeUpdate();
  }

  @Override
  public List<ChatModel> models() {
    return ChatModelEntity.<ChatModelEntity>list("order by id").stream()
        .map(PgChatModelRepository::toDomain)
        .toList();
  }

  @Override
  public Optional<ChatModel> model(long id) {
    return ChatModelEntity.<ChatModelEntity>findByIdOptional(id)
        .map(PgChatModelRepository::toDomain);
  }

  @Override
  public Optional<ChatModel> modelByName(UUID apiId, String name) {
    var query = apiId == null
        ? ChatModelEntity.<ChatModelEntity>find("aiModelApiId is null and name = ?1", name)
        : ChatModelEntity.<ChatModelEntity>find("aiModelApiId = ?1 and name = ?2", apiId, name);
    return query.firstResultOptional().map(PgChatModelRepository::toDomain);
  }

  @Override
  @Transactional
  public ChatModel saveModel(ChatModel model) {
    ChatModelEntity e =
        model.id() == 0 ? new ChatModelEntity() : ChatModelEntity.findById(model.id());
    e.name = model.name();
    e.friendlyName = model.friendlyName();
    e.modelType = model.vendor().wireName();
    e.maxPromptSize = model.maxPromptSize();
    e.visionEnabled = model.visionEnabled();
    e.priceTier = model.priceTier().wireName();
    e.description = model.description();
    e.strengths = model.strengths();
    e.aiModelApiId = model.apiId();
    e.persist();
    em.flush();
    return toDomain(e);
  }

  @Override
  @Transactional
  public boolean deleteModel(long id) {
    return ChatModelEntity.deleteById(id);
  }

  @Override
  public Optional<Long> defaultModelId() {
    List<?> rows = em.createNativeQuery(
            "select default_model_id from server_chat_settings where id = 1")
        .getResultList();
    return rows.isEmpty() || rows.getFirst() == null
        ? Optional.empty()
        : Optional.of(((Number) rows.getFirst()).longValue());
  }

  @Override
  @Transactional
  public void setDefaultModel(Optional<Long> modelId) {
    em.createNativeQuery(
            "insert into server_chat_settings (id, default_model_id) values (1, cast(:m as bigint))"
                + " on conflict (id) do update set default_model_id = excluded.default_model_id")
        .setParameter("m", modelId.orElse(null))
        .executeUpdate();
  }

  @Override
  public Optional<Long> userChoice(UserId user) {
    List<?> rows = em.createNativeQuery(
            "select chat_model_id from user_chat_settings where user_id = :u")
        .setParameter("u", user.value())
        .getResultList();
    return rows.isEmpty() || rows.getFirst() == null
        ? Optional.empty()
        : Optional.of(((Number) rows.getFirst()).longValue());
  }

  @Override
  @Transactional
  public void setUserChoice(UserId user, long modelId) {
    em.createNativeQuery("insert into user_chat_settings (user_id, chat_model_id) values (:u, :m)"
            + " on conflict (user_id) do update set chat_model_id = excluded.chat_model_id")
        .setParameter("u", user.value())
        .setParameter("m", modelId)
        .executeUpdate();
  }
}
