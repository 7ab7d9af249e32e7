package io.khoj4j.application.service.model;

import io.khoj4j.application.error.ConflictException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.model.ChatModelQuery;
import io.khoj4j.application.port.in.model.ConfigureChatModelsCommand;
import io.khoj4j.application.port.in.model.ConfigureChatModelsUseCase;
import io.khoj4j.application.port.in.model.QueryChatModelsUseCase;
import io.khoj4j.application.port.in.model.SeedChatModelsCommand;
import io.khoj4j.application.port.in.model.SeedChatModelsUseCase;
import io.khoj4j.application.port.in.model.SelectChatModelCommand;
import io.khoj4j.application.port.in.model.SelectChatModelUseCase;
import io.khoj4j.application.port.out.chat.ChatModelDiscovery;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The model configuration: administrators manage APIs and models, users pick one, the environment seeds it, and the
 * chat asks which endpoint answers a user. Vendor keys pass through the {@link SecretBox}: sealed before they are
 * stored, opened only to call the model.
 */
public final class ChatModelService
    implements QueryChatModelsUseCase, SelectChatModelUseCase, ConfigureChatModelsUseCase, SeedChatModelsUseCase,
    ChatModelSelection {

  private static final Logger LOG = System.getLogger(ChatModelService.class.getName());
  static final List<String> OPENAI_MODELS = List.of("gpt-4o-mini", "gpt-4.1", "o3", "o4-mini");
  static final List<String> ANTHROPIC_MODELS = List.of("claude-sonnet-4-0", "claude-3-5-haiku-latest");
  static final List<String> GEMINI_MODELS =
      List.of("gemini-2.0-flash", "gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite");

  private final ChatModelRepository repository;
  private final SecretBox secrets;
  private final ChatModelDiscovery discovery;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;

  public ChatModelService(ChatModelRepository repository, SecretBox secrets, ChatModelDiscovery discovery,
      UnitOfWork unitOfWork, IdGenerator ids) {
    this.repository = repository;
    this.secrets = secrets;
    this.discovery = discovery;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
  }

  // ------------------------------------------------------------------ queries

  @Override
  public List<ChatModel> options(ChatModelQuery.Options query) {
    return repository.models().stream().sorted(Comparator.comparingLong(ChatModel::id)).toList();
  }

  @Override
  public Optional<ChatModel> effective(ChatModelQuery.Effective query) {
    return repository.userChoice(query.user()).flatMap(repository::model)
        .or(() -> repository.defaultModelId().flatMap(repository::model))
        .or(() -> options(new ChatModelQuery.Options()).stream().findFirst());
  }

  @Override
  public List<AiModelApi> apis(ChatModelQuery.Options query) {
    return repository.apis();
  }

  /** The endpoint that answers this user, key opened; empty when no model is configured. */
  public Optional<ChatModelEndpoint> endpointFor(UserId user) {
    return effective(new ChatModelQuery.Effective(user)).map(this::endpoint);
  }

  @Override
  public Optional<ChatModelEndpoint> modelFor(UserId user) {
    return endpointFor(user);
  }

  /**
   * An agent's model serves the turn when it is still configured (every configured model is open to every user: this
   * server has no paid tiers); one removed since falls back to the user's own.
   */
  @Override
  public Optional<ChatModelEndpoint> modelFor(UserId user, Optional<String> preferred) {
    return preferred.flatMap(name -> repository.models().stream()
            .filter(m -> name.equals(m.friendlyName()))
            .min(Comparator.comparingLong(ChatModel::id)))
        .map(this::endpoint)
        .or(() -> endpointFor(user));
  }

  /** The endpoint of a model, key opened. */
  public ChatModelEndpoint endpoint(ChatModel model) {
    Optional<AiModelApi> api = Optional.ofNullable(model.apiId()).flatMap(repository::api);
    String key = api.flatMap(a -> repository.apiKey(a.id())).map(secrets::open).orElse("");
    return new ChatModelEndpoint(model.vendor(), model.name(), api.map(AiModelApi::baseUrl).orElse(null), key,
        model.promptBudget(), model.visionEnabled());
  }

  // ------------------------------------------------------------------ user choice

  @Override
  public void select(SelectChatModelCommand command) {
    if (repository.model(command.modelId()).isEmpty()) {
      throw new NotFoundException("Chat model not found");
    }
    unitOfWork.run(() -> repository.setUserChoice(command.user(), command.modelId()));
  }

  // ------------------------------------------------------------------ administration

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
        if (setDefault.modelId().isPresent() && repository.model(setDefault.modelId().get()).isEmpty()) {
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
    repository.modelByName(save.apiId(), save.name().strip()).filter(other -> other.id() != save.id())
        .ifPresent(other -> {
          throw new ConflictException("This API already has a model named " + save.name());
        });
    ChatModel saved = repository.saveModel(new ChatModel(save.id(), save.name().strip(), save.friendlyName(),
        save.vendor(), save.maxPromptSize(), save.vision(), save.tier(), save.description(), save.strengths(),
        save.apiId()));
    return new Saved(Optional.empty(), Optional.of(saved.id()));
  }

  // ------------------------------------------------------------------ seeding from the environment

  /**
   * Creates what the environment describes and keeps what an administrator changed since: an API that exists keeps its
   * base URL (unless {@code OPENAI_BASE_URL} names one) and its models; only a vendor's key from the environment
   * replaces the stored one. A vendor's model list is added once, with its API; an OpenAI-compatible server's list is
   * asked at every start and models it newly serves are added. {@code KHOJ_DEFAULT_CHAT_MODEL} makes a model the
   * default at every start; without it, a server without a default gets its first model.
   */
  @Override
  public void seed(SeedChatModelsCommand command) {
    if (command.openAiBaseUrl().isPresent()) {
      String url = command.openAiBaseUrl().get();
      String name = url.matches(".*:11434/v1/?$") ? "Ollama" : "OpenAI-compatible";
      List<String> served;
      try {
        served = discovery.listModels(url, command.openAiKey().orElse(""));
      } catch (UpstreamFailureException e) {
        LOG.log(Level.WARNING, "Could not list the models of {0}: {1}", url, e.getMessage());
        served = List.of();
      }
      seedApi(name, url, command.openAiKey(), ModelVendor.OPENAI, served, true);
    } else if (command.openAiKey().isPresent()) {
      seedApi("OpenAI", null, command.openAiKey(), ModelVendor.OPENAI, OPENAI_MODELS, false);
    }
    command.anthropicKey().ifPresent(key ->
        seedApi("Anthropic", null, Optional.of(key), ModelVendor.ANTHROPIC, ANTHROPIC_MODELS, false));
    command.geminiKey().ifPresent(key ->
        seedApi("Google Gemini", null, Optional.of(key), ModelVendor.GOOGLE, GEMINI_MODELS, false));
    unitOfWork.run(() -> {
      if (command.defaultModel().isPresent()) {
        String wanted = command.defaultModel().get();
        Optional<ChatModel> chosen = repository.models().stream()
            .filter(m -> m.name().equals(wanted) || wanted.equals(m.friendlyName()))
            .findFirst();
        if (chosen.isPresent()) {
          repository.setDefaultModel(Optional.of(chosen.get().id()));
        } else {
          LOG.log(Level.WARNING, "KHOJ_DEFAULT_CHAT_MODEL={0} names no configured model", wanted);
        }
      }
      if (repository.defaultModelId().flatMap(repository::model).isEmpty()) {
        repository.models().stream().min(Comparator.comparingLong(ChatModel::id))
            .ifPresent(first -> repository.setDefaultModel(Optional.of(first.id())));
      }
    });
  }

  /**
   * @param baseUrl null keeps the stored base URL (the vendor's own, unless an administrator set another)
   * @param addNewModels whether models missing from an existing API are added (a server's live list)
   */
  private void seedApi(String name, String baseUrl, Optional<String> key, ModelVendor vendor, List<String> models,
      boolean addNewModels) {
    unitOfWork.run(() -> {
      Optional<AiModelApi> existing = repository.apiByName(name);
      AiModelApi api = existing.map(a -> baseUrl == null ? a : new AiModelApi(a.id(), a.name(), baseUrl))
          .orElseGet(() -> new AiModelApi(ids.newId(), name, baseUrl));
      Optional<SealedSecret> newKey = key.filter(k -> existing.isEmpty() || !storedKeyIs(existing.get(), k))
          .map(secrets::seal);
      if (existing.isEmpty() || !existing.get().equals(api) || newKey.isPresent()) {
        repository.saveApi(api, newKey);
      }
      int added = 0;
      if (existing.isEmpty() || addNewModels) {
        for (String model : models) {
          if (repository.modelByName(api.id(), model).isEmpty()) {
            repository.saveModel(new ChatModel(0, model, model, vendor, null, visionByName(model),
                ChatModel.PriceTier.FREE, null, null, api.id()));
            added++;
          }
        }
      }
      LOG.log(Level.INFO, "Model API {0} seeded from the environment: {1} models added", name, added);
    });
  }

  private boolean storedKeyIs(AiModelApi api, String key) {
    try {
      return repository.apiKey(api.id()).map(secrets::open).filter(key::equals).isPresent();
    } catch (RuntimeException unreadable) {
      // Sealed with another secret key: the environment's key replaces it.
      return false;
    }
  }

  private static boolean visionByName(String model) {
    String m = model.toLowerCase(java.util.Locale.ROOT);
    return m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("o3") || m.startsWith("o4")
        || m.startsWith("claude") || m.startsWith("gemini");
  }
}
