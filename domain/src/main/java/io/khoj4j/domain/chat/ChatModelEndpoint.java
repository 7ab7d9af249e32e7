package io.khoj4j.domain.chat;

import java.util.Objects;

/**
 * A model ready to be called: vendor protocol, the vendor's model name, its base URL (null = the vendor's default)
 * and API key (opened from the secret store; may be empty for local servers), the prompt budget in tokens and
 * whether it reads images.
 */
public record ChatModelEndpoint(
    ModelVendor vendor,
    String modelName,
    String baseUrl,
    String apiKey,
    int maxPromptTokens,
    boolean vision) {

  public ChatModelEndpoint {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(modelName, "modelName");
    apiKey = apiKey == null ? "" : apiKey;
    if (maxPromptTokens < 256) {
      throw new IllegalArgumentException("prompt budget below 256 tokens: " + maxPromptTokens);
    }
  }

  @Override
  public String toString() {
    return "ChatModelEndpoint[" + vendor + " " + modelName + " at " + baseUrl + ", key=<redacted>]";
  }
}
