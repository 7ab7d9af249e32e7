package io.khoj4j.application.service.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.model.ChatModelQuery;
import io.khoj4j.application.port.in.model.ConfigureChatModelsCommand;
import io.khoj4j.application.port.in.model.SeedChatModelsCommand;
import io.khoj4j.application.port.out.chat.ChatModelDiscovery;
import io.khoj4j.application.port.out.model.InMemoryChatModelRepository;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.InMemorySecretBox;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.application.service.subscription.NoBilling;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Seeding the model configuration from Khoj's environment variables, over the in-memory fakes. */
class SeedChatModelsServiceTest {

  private final InMemoryChatModelRepository repository = new InMemoryChatModelRepository();
  private final InMemorySecretBox secrets = new InMemorySecretBox();
  private final List<String> asked = new ArrayList<>();
  private List<String> served = List.of("llama3.2:latest", "qwen2.5:7b");
  private boolean serverDown;
  private final ChatModelDiscovery discovery = (url, key) -> {
    asked.add(url + " " + key);
    if (serverDown) {
      throw new UpstreamFailureException("could not list the models of " + url, true, null);
    }
    return served;
  };
  private final SequentialIdGenerator ids = new SequentialIdGenerator();
  private final SeedChatModelsService service =
      new SeedChatModelsService(repository, secrets, discovery, new DirectUnitOfWork(), ids);
  private final ConfigureChatModelsService admin =
      new ConfigureChatModelsService(repository, secrets, new DirectUnitOfWork(), ids);
  private final ChatModelSelectionService selection =
      new ChatModelSelectionService(repository, secrets, NoBilling.tiers());
  private final UserId user = new UserId(UUID.randomUUID());

  private static SeedChatModelsCommand env(
      String openAiKey,
      String openAiBaseUrl,
      String anthropicKey,
      String geminiKey,
      String defaultModel) {
    return new SeedChatModelsCommand(
        Optional.ofNullable(openAiKey),
        Optional.ofNullable(openAiBaseUrl),
        Optional.ofNullable(anthropicKey),
        Optional.ofNullable(geminiKey),
        Optional.ofNullable(defaultModel));
  }

  private AiModelApi api(String name) {
    return repository.apiByName(name).orElseThrow(() -> new AssertionError("no API named " + name));
  }

  private List<String> modelNames(AiModelApi api) {
    return repository.models().stream()
        .filter(m -> api.id().equals(m.apiId()))
        .map(ChatModel::name)
        .toList();
  }

  private String defaultName() {
    return repository
        .defaultModelId()
        .flatMap(repository::model)
        .map(ChatModel::name)
        .orElse(null);
  }

  @Test
  void nothingInTheEnvironmentSeedsNothing() {
    service.seed(env(null, " ", "", null, null));

    assertThat(repository.apis()).isEmpty();
    assertThat(repository.models()).isEmpty();
    assertThat(asked).isEmpty();
  }

  @Test
  void anOpenAiKeySeedsOpenAisModelsWithTheKeySealed() {
    service.seed(env("sk-openai-1", null, null, null, null));

    AiModelApi openAi = api("OpenAI");
    assertThat(openAi.baseUrl()).isNull();
    assertThat(modelNames(openAi)).containsExactlyElementsOf(SeedChatModelsService.OPENAI_MODELS);
    assertThat(repository.models()).allMatch(m -> m.vendor() == ModelVendor.OPENAI);
    SealedSecret stored = repository.apiKey(openAi.id()).orElseThrow();
    assertThat(stored.value()).doesNotContain("sk-openai-1");
    assertThat(secrets.open(stored)).isEqualTo("sk-openai-1");
    assertThat(defaultName()).isEqualTo(SeedChatModelsService.OPENAI_MODELS.getFirst());
    assertThat(selection.modelFor(user).orElseThrow().apiKey()).isEqualTo("sk-openai-1");
    assertThat(asked).isEmpty();
  }

  @Test
  void anOpenAiCompatibleServerIsSeededWithTheModelsItServes() {
    service.seed(env("sk-local", "http://gpu-box:8000/v1", null, null, null));

    AiModelApi local = api("OpenAI-compatible");
    assertThat(local.baseUrl()).isEqualTo("http://gpu-box:8000/v1");
    assertThat(modelNames(local)).containsExactly("llama3.2:latest", "qwen2.5:7b");
    assertThat(asked).containsExactly("http://gpu-box:8000/v1 sk-local");
    assertThat(secrets.open(repository.apiKey(local.id()).orElseThrow())).isEqualTo("sk-local");
    assertThat(repository.apiByName("OpenAI")).isEmpty();
    assertThat(selection.modelFor(user).orElseThrow().baseUrl())
        .isEqualTo("http://gpu-box:8000/v1");
  }

  @Test
  void ollamasPortNamesTheApiOllamaAndNeedsNoKey() {
    service.seed(env(null, "http://localhost:11434/v1", null, null, null));

    AiModelApi ollama = api("Ollama");
    assertThat(modelNames(ollama)).containsExactly("llama3.2:latest", "qwen2.5:7b");
    assertThat(repository.apiKey(ollama.id())).isEmpty();
    assertThat(selection.modelFor(user).orElseThrow().apiKey()).isEmpty();
  }

  @Test
  void aServerThatCannotListItsModelsGetsItsApiAndItsModelsOnceItAnswers() {
    serverDown = true;
    service.seed(env(null, "http://gpu-box:8000/v1", null, null, null));

    assertThat(modelNames(api("OpenAI-compatible"))).isEmpty();
    assertThat(repository.defaultModelId()).isEmpty();

    serverDown = false;
    service.seed(env(null, "http://gpu-box:8000/v1", null, null, null));

    assertThat(modelNames(api("OpenAI-compatible")))
        .containsExactly("llama3.2:latest", "qwen2.5:7b");
    assertThat(defaultName()).isEqualTo("llama3.2:latest");
  }

  @Test
  void anthropicAndGeminiKeysSeedTheirVendors() {
    service.seed(env(null, null, "sk-ant-1", "AIza-1", null));

    AiModelApi anthropic = api("Anthropic");
    AiModelApi gemini = api("Google Gemini");
    assertThat(modelNames(anthropic))
        .containsExactlyElementsOf(SeedChatModelsService.ANTHROPIC_MODELS);
    assertThat(modelNames(gemini)).containsExactlyElementsOf(SeedChatModelsService.GEMINI_MODELS);
    assertThat(repository.models())
        .filteredOn(m -> anthropic.id().equals(m.apiId()))
        .allMatch(m -> m.vendor() == ModelVendor.ANTHROPIC);
    assertThat(repository.models())
        .filteredOn(m -> gemini.id().equals(m.apiId()))
        .allMatch(m -> m.vendor() == ModelVendor.GOOGLE);
    assertThat(secrets.open(repository.apiKey(anthropic.id()).orElseThrow())).isEqualTo("sk-ant-1");
    assertThat(secrets.open(repository.apiKey(gemini.id()).orElseThrow())).isEqualTo("AIza-1");
  }

  @Test
  void theDefaultModelIsTheOneTheEnvironmentNamesByNameOrFriendlyName() {
    service.seed(env("sk-openai-1", null, "sk-ant-1", null, "claude-sonnet-4-0"));
    assertThat(defaultName()).isEqualTo("claude-sonnet-4-0");

    ChatModel haiku = repository.models().stream()
        .filter(m -> m.name().equals("claude-3-5-haiku-latest"))
        .findFirst()
        .orElseThrow();
    admin.configure(new ConfigureChatModelsCommand.SaveModel(
        haiku.id(),
        haiku.name(),
        "Haiku",
        haiku.vendor(),
        null,
        true,
        haiku.priceTier(),
        null,
        null,
        haiku.apiId()));
    service.seed(env("sk-openai-1", null, "sk-ant-1", null, "Haiku"));
    assertThat(defaultName()).isEqualTo("claude-3-5-haiku-latest");

    service.seed(env("sk-openai-1", null, "sk-ant-1", null, "no-such-model"));
    assertThat(defaultName()).isEqualTo("claude-3-5-haiku-latest");
  }

  @Test
  void seedingAgainCreatesNoDuplicatesAndKeepsWhatTheAdministratorChanged() {
    SeedChatModelsCommand env = env("sk-openai-1", null, "sk-ant-1", "AIza-1", null);
    service.seed(env);
    int apis = repository.apis().size();
    AiModelApi openAi = api("OpenAI");
    SealedSecret sealed = repository.apiKey(openAi.id()).orElseThrow();
    ChatModel mini = repository.modelByName(openAi.id(), "gpt-4o-mini").orElseThrow();
    ChatModel o3 = repository.modelByName(openAi.id(), "o3").orElseThrow();
    admin.configure(new ConfigureChatModelsCommand.SaveApi(
        Optional.of(openAi.id()), "OpenAI", "https://proxy.example.org/v1", Optional.empty()));
    admin.configure(new ConfigureChatModelsCommand.SaveModel(
        mini.id(),
        mini.name(),
        "Mini",
        mini.vendor(),
        64_000,
        false,
        ChatModel.PriceTier.STANDARD,
        "the cheap one",
        "speed",
        mini.apiId()));
    admin.configure(new ConfigureChatModelsCommand.DeleteModel(o3.id()));
    long chosen = repository
        .modelByName(api("Anthropic").id(), "claude-sonnet-4-0")
        .orElseThrow()
        .id();
    admin.configure(new ConfigureChatModelsCommand.SetDefault(Optional.of(chosen)));
    List<ChatModel> before = repository.models();

    service.seed(env);
    service.seed(env);

    assertThat(repository.apis()).hasSize(apis);
    assertThat(repository.models()).isEqualTo(before);
    assertThat(api("OpenAI").baseUrl()).isEqualTo("https://proxy.example.org/v1");
    assertThat(repository.model(mini.id()).orElseThrow()).satisfies(m -> {
      assertThat(m.friendlyName()).isEqualTo("Mini");
      assertThat(m.maxPromptSize()).isEqualTo(64_000);
      assertThat(m.priceTier()).isEqualTo(ChatModel.PriceTier.STANDARD);
    });
    assertThat(repository.modelByName(openAi.id(), "o3")).isEmpty();
    assertThat(repository.defaultModelId()).contains(chosen);
    assertThat(repository.apiKey(openAi.id())).contains(sealed);
  }

  @Test
  void aNewKeyInTheEnvironmentReplacesTheStoredOne() {
    service.seed(env("sk-old", null, null, null, null));

    service.seed(env("sk-new", null, null, null, null));

    AiModelApi openAi = api("OpenAI");
    assertThat(secrets.open(repository.apiKey(openAi.id()).orElseThrow())).isEqualTo("sk-new");
    assertThat(new QueryChatModelsService(repository, NoBilling.tiers())
            .options(new ChatModelQuery.Options()))
        .hasSize(SeedChatModelsService.OPENAI_MODELS.size());
  }

  @Test
  void aServerThatServesANewModelGetsItAddedAndKeepsTheOthers() {
    service.seed(env(null, "http://gpu-box:8000/v1", null, null, null));
    ChatModel llama =
        repository.modelByName(api("OpenAI-compatible").id(), "llama3.2:latest").orElseThrow();
    admin.configure(new ConfigureChatModelsCommand.SaveModel(
        llama.id(),
        llama.name(),
        "Llama",
        llama.vendor(),
        32_000,
        false,
        llama.priceTier(),
        null,
        null,
        llama.apiId()));
    served = List.of("llama3.2:latest", "qwen2.5:7b", "mistral:7b");

    service.seed(env(null, "http://gpu-box:8000/v1", null, null, null));

    assertThat(modelNames(api("OpenAI-compatible")))
        .containsExactly("llama3.2:latest", "qwen2.5:7b", "mistral:7b");
    assertThat(repository.model(llama.id()).orElseThrow().friendlyName()).isEqualTo("Llama");
  }

  @Test
  void aServedModelAnAdministratorDeletedIsNotAddedAgain() {
    service.seed(env(null, "http://gpu-box:8000/v1", null, null, null));
    ChatModel qwen =
        repository.modelByName(api("OpenAI-compatible").id(), "qwen2.5:7b").orElseThrow();
    repository.deleteModel(qwen.id());
    served = List.of("llama3.2:latest", "qwen2.5:7b", "mistral:7b");

    service.seed(env(null, "http://gpu-box:8000/v1", null, null, null));

    assertThat(modelNames(api("OpenAI-compatible")))
        .as("only what the server offers anew")
        .containsExactly("llama3.2:latest", "mistral:7b");
  }
}
