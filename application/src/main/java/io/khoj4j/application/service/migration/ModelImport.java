package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ModelVendor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Model APIs (their keys sealed) and chat models. An API or model this server already has under the same name is
 * reused, not duplicated. Khoj's models without an API (run inside Khoj) have no counterpart here.
 */
final class ModelImport {

  static final String MODELS = "database_chatmodel";
  private static final String APIS = "database_aimodelapi";

  private final ChatModelRepository models;
  private final SecretBox secrets;
  private final IdGenerator ids;

  ModelImport(ChatModelRepository models, SecretBox secrets, IdGenerator ids) {
    this.models = models;
    this.secrets = secrets;
    this.ids = ids;
  }

  void run(KhojSource source, ImportRun run) {
    run.each(
        "model APIs",
        (after, limit) -> after.isEmpty() ? source.modelApis() : List.of(),
        KhojSource.ModelApi::key,
        api -> run.once("model APIs", APIS, api.key(), () -> Optional.of(importApi(api))));
    run.each(
        "chat models",
        (after, limit) -> after.isEmpty() ? source.chatModels() : List.of(),
        KhojSource.ChatModel::key,
        m -> run.once("chat models", MODELS, m.key(), () -> importModel(m, run)));
  }

  private String importApi(KhojSource.ModelApi api) {
    Optional<AiModelApi> existing = models.apiByName(api.name());
    if (existing.isPresent()) {
      return existing.get().id().toString();
    }
    AiModelApi created = new AiModelApi(ids.newId(), api.name(), api.baseUrl());
    Optional<String> key = Optional.ofNullable(api.apiKey()).filter(k -> !k.isBlank());
    models.saveApi(created, key.map(secrets::seal));
    return created.id().toString();
  }

  private Optional<String> importModel(KhojSource.ChatModel m, ImportRun run) {
    Optional<ModelVendor> vendor = ModelVendor.fromWire(m.modelType());
    if (vendor.isEmpty()) {
      run.skip("chat models", m.name(), "model type " + m.modelType() + " is not served here");
      return Optional.empty();
    }
    if (m.modelApiKey() == null) {
      run.skip("chat models", m.name(), "it has no model API (Khoj ran it itself)");
      return Optional.empty();
    }
    Optional<UUID> api = run.localId(APIS, m.modelApiKey()).map(UUID::fromString);
    if (api.isEmpty()) {
      run.skip("chat models", m.name(), "its model API was not imported");
      return Optional.empty();
    }
    Optional<ChatModel> existing = models.modelByName(api.get(), m.name());
    if (existing.isPresent()) {
      return Optional.of(Long.toString(existing.get().id()));
    }
    ChatModel saved = models.saveModel(new ChatModel(
        0,
        m.name(),
        m.friendlyName(),
        vendor.get(),
        m.maxPromptSize(),
        m.visionEnabled(),
        ChatModel.PriceTier.of(m.priceTier()),
        m.description(),
        m.strengths(),
        api.get()));
    return Optional.of(Long.toString(saved.id()));
  }
}
