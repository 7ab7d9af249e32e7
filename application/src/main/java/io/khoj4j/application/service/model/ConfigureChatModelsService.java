package io.khoj4j.application.service.model;

import io.khoj4j.application.error.ConflictException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.model.ConfigureChatModelsCommand;
import io.khoj4j.application.port.in.model.ConfigureChatModelsUseCase;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import java.util.Optional;
import java.util.UUID;

/**
 * Administrators manage model APIs and chat models and choose the default. A vendor key is sealed by the
 * {@link SecretBox} before it is stored.
 */
public final class ConfigureChatModelsService implements ConfigureChatModelsUseCase {

  private final ChatModelRepository repository;
  private final SecretBox secrets;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;

  public ConfigureChatModelsService(
      ChatModelRepository repository, SecretBox secrets, UnitOfWork unitOfWork, IdGenerator ids) {
    this.repository = repository;
    this.secrets = secrets;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
  }

  @Override
  public Saved configure(ConfigureChatModelsCommand command) {
    return unitOfWork.inTransaction(() -> switch (command) {
      case ConfigureChatModelsCommand.SaveApi save -> saveApi(save);
      case ConfigureChatModelsCommand.DeleteApi delete -> {
        if (!repository.deleteApi(delete.id())) {
          throw new NotFoundException("Model API not found");
        }
        yield new Saved(Optional.empty(), Optional.empty());
      }
      case ConfigureChatModelsCommand.SaveModel save -> saveModel(save);
      case ConfigureChatModelsCommand.DeleteModel delete -> {
        if (!repository.deleteModel(delete.id())) {
          throw new NotFoundException("Chat model not found");
        }
        yield new Saved(Optional.empty(), Optional.empty());
      }
      case ConfigureChatModelsCommand.SetDefault setDefault -> {
        if (setDefault.modelId().isPresent()
            && repository.model(setDefault.modelId().get()).isEmpty()) {
          throw new NotFoundException("Chat model not found");
        }
        repository.setDefaultModel(setDefault.modelId());
        yield new Saved(Optional.empty(), setDefault.modelId());
      }
    });
  }

  private Saved saveApi(ConfigureChatModelsCommand.SaveApi save) {
    UUID id = save.id().orElseGet(ids::newId);
    if (save.id().isPresent() && repository.api(id).isEmpty()) {
      throw new NotFoundException("Model API not found");
    }
    repository.apiByName(save.name()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
      throw new ConflictException("A model API named " + save.name() + " already exists");
    });
    Optional<SealedSecret> key = save.apiKey().map(secrets::seal);
    repository.saveApi(new AiModelApi(id, save.name().strip(), save.baseUrl()), key);
    return new Saved(Optional.of(id), Optional.empty());
  }

  private Saved saveModel(ConfigureChatModelsCommand.SaveModel save) {
    if (save.id() != 0 && repository.model(save.id()).isEmpty()) {
      throw new NotFoundException("Chat model not found");
    }
    if (save.apiId() != null && repository.api(save.apiId()).isEmpty()) {
      throw new NotFoundException("Model API not found");
    }
    repository
        .modelByName(save.apiId(), save.name().strip())
        .filter(other -> other.id() != save.id())
        .ifPresent(other -> {
          throw new ConflictException("This API already has a model named " + save.name());
        });
    ChatModel saved = repository.saveModel(new ChatModel(
        save.id(),
        save.name().strip(),
        save.friendlyName(),
        save.vendor(),
        save.maxPromptSize(),
        save.vision(),
        save.tier(),
        save.description(),
        save.strengths(),
        save.apiId()));
    return new Saved(Optional.empty(), Optional.of(saved.id()));
  }
}
