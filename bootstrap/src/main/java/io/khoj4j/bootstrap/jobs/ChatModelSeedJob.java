package io.khoj4j.bootstrap.jobs;

import io.khoj4j.application.port.in.model.SeedChatModelsCommand;
import io.khoj4j.application.port.in.model.SeedChatModelsUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start, creates the model configuration Khoj's environment variables describe ({@code OPENAI_API_KEY},
 * {@code OPENAI_BASE_URL}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}, {@code KHOJ_DEFAULT_CHAT_MODEL}).
 * Idempotent: existing APIs get the current key, existing models stay.
 */
@ApplicationScoped
public class ChatModelSeedJob {

  private final SeedChatModelsUseCase seed;
  private final SeedChatModelsCommand command;

  public ChatModelSeedJob(
      SeedChatModelsUseCase seed,
      @ConfigProperty(name = "openai.api-key") Optional<String> openAiKey,
      @ConfigProperty(name = "openai.base-url") Optional<String> openAiBaseUrl,
      @ConfigProperty(name = "anthropic.api-key") Optional<String> anthropicKey,
      @ConfigProperty(name = "gemini.api-key") Optional<String> geminiKey,
      @ConfigProperty(name = "khoj.default-chat-model") Optional<String> defaultModel) {
    this.seed = seed;
    this.command =
        new SeedChatModelsCommand(openAiKey, openAiBaseUrl, anthropicKey, geminiKey, defaultModel);
  }

  void onStart(@Observes StartupEvent event) {
    seed.seed(command);
  }
}
