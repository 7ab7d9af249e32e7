package io.khoj4j.application.port.in.model;

import java.util.Optional;

/**
 * What the environment says about model vendors at start (Khoj's variables): {@code OPENAI_API_KEY},
 * {@code OPENAI_BASE_URL}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}, {@code KHOJ_DEFAULT_CHAT_MODEL}.
 */
public record SeedChatModelsCommand(
    Optional<String> openAiKey,
    Optional<String> openAiBaseUrl,
    Optional<String> anthropicKey,
    Optional<String> geminiKey,
    Optional<String> defaultModel) {

  public SeedChatModelsCommand {
    openAiKey = blankToEmpty(openAiKey);
    openAiBaseUrl = blankToEmpty(openAiBaseUrl);
    anthropicKey = blankToEmpty(anthropicKey);
    geminiKey = blankToEmpty(geminiKey);
    defaultModel = blankToEmpty(defaultModel);
  }

  private static Optional<String> blankToEmpty(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(v -> !v.isEmpty());
  }
}
