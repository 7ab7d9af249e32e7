package io.khoj4j.application.service.model;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.model.SeedChatModelsCommand;
import io.khoj4j.application.port.in.model.SeedChatModelsUseCase;
import io.khoj4j.application.port.out.chat.ChatModelDiscovery;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ModelVendor;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seeds the model configuration from the environment at start-up (OpenAI or a compatible server, Anthropic, Gemini, the
 * default model); keys are sealed by the {@link SecretBox}.
 */
public final class SeedChatModelsService implements SeedChatModelsUseCase {

  private static final Logger LOG = System.getLogger(SeedChatModelsService.class.getName());
  static final List<String> OPENAI_MODELS = List.of("gpt-4o-mini", "gpt-4.1", "o3", "o4-mini");
  static final List<String> ANTHROPIC_MODELS =
      List.of("claude-sonnet-4-0", "claude-3-5-haiku-latest");
  static final List<String> GEMINI_MODELS =
      List.of("gemini-2.0-flash", "gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-lite");

  private final ChatModelRepository repository;
  private final SecretBox secrets;
  private final ChatModelDiscovery discovery;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;

  public SeedChatModelsService(
      ChatModelRepository repository,
      SecretBox secrets,
      ChatModelDiscovery discovery,
      UnitOfWork unitOfWork,
      IdGenerator ids) {
    this.repository = repository;
    this.secrets = secrets;
    this.discovery = discovery;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
  }

  /**
   * Creates what the environment describes and keeps what an administrator changed since: an API that exists keeps its
   * base URL (unless {@code OPENAI_BASE_URL} names one) and its models; only a vendor's key from the environment
   * replaces the stored one. A vendor's model list is added once, with its API; an OpenAI-compatible server's list is
   * asked at every start and models it newly serves are added (one it served before and an administrator deleted
   * stays deleted). {@code KHOJ_DEFAULT_CHAT_MODEL} makes a model the
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
    command
        .anthropicKey()
        .ifPresent(key -> seedApi(
            "Anthropic", null, Optional.of(key), ModelVendor.ANTHROPIC, ANTHROPIC_MODELS, false));
    command
        .geminiKey()
        .ifPresent(key -> seedApi(
            "Google Gemini", null, Optional.of(key), ModelVendor.GOOGLE, GEMINI_MODELS, false));
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
        repository.models().stream()
            .min(Comparator.comparingLong(ChatModel::id))
            .ifPresent(first -> repository.setDefaultModel(Optional.of(first.id())));
      }
    });
  }

  /**
   * @param baseUrl null keeps the stored base URL (the vendor's own, unless an administrator set another)
   * @param addNewModels whether models missing from an existing API are added (a server's live list)
   */
  private void seedApi(
      String name,
      String baseUrl,
      Optional<String> key,
      ModelVendor vendor,
      List<String> models,
      boolean addNewModels) {
    unitOfWork.run(() -> {
      Optional<AiModelApi> existing = repository.apiByName(name);
      AiModelApi api = existing
          .map(a -> baseUrl == null ? a : new AiModelApi(a.id(), a.name(), baseUrl))
          .orElseGet(() -> new AiModelApi(ids.newId(), name, baseUrl));
      Optional<SealedSecret> newKey =
          key.filter(k -> existing.isEmpty() || !storedKeyIs(existing.get(), k)).map(secrets::seal);
      if (existing.isEmpty() || !existing.get().equals(api) || newKey.isPresent()) {
        repository.saveApi(api, newKey);
      }
      int added = 0;
      // a live list adds only what it offers anew: a model it offered before and is gone was
      // deleted
      Set<String> offeredBefore =
          existing.isPresent() ? repository.offeredModels(api.id()) : Set.of();
      if (existing.isEmpty() || addNewModels) {
        for (String model : models) {
          if (!offeredBefore.contains(model)
              && repository.modelByName(api.id(), model).isEmpty()) {
            repository.saveModel(new ChatModel(
                0,
                model,
                model,
                vendor,
                null,
                visionByName(model),
                ChatModel.PriceTier.FREE,
                null,
                null,
                api.id()));
            added++;
          }
        }
      }
      if (addNewModels) {
        Set<String> offered = new TreeSet<>(offeredBefore);
        offered.addAll(models);
        repository.saveOfferedModels(api.id(), offered);
      }
      LOG.log(
          Level.INFO, "Model API {0} seeded from the environment: {1} models added", name, added);
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
    return m.startsWith("gpt-4o")
        || m.startsWith("gpt-4.1")
        || m.startsWith("o3")
        || m.startsWith("o4")
        || m.startsWith("claude")
        || m.startsWith("gemini");
  }
}
