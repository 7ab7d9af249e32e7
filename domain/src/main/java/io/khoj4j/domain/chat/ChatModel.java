package io.khoj4j.domain.chat;

import java.util.Objects;
import java.util.UUID;

/**
 * A chat model users can pick (Khoj's ChatModel): the vendor's model name, the friendly name shown to users, the
 * protocol, the prompt budget, whether it reads images, a price tier, and the API (credentials, base URL) it is
 * reached through. Khoj's clients know it by a numeric id.
 */
public record ChatModel(
    long id,
    String name,
    String friendlyName,
    ModelVendor vendor,
    Integer maxPromptSize,
    boolean visionEnabled,
    PriceTier priceTier,
    String description,
    String strengths,
    UUID apiId) {

  public enum PriceTier {
    FREE("free"),
    STANDARD("standard");

    private final String wireName;

    PriceTier(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static PriceTier of(String name) {
      return name != null && name.equalsIgnoreCase("standard") ? STANDARD : FREE;
    }
  }

  /** Prompt budget when none is configured: a known model's, else a conservative 10,000 tokens. */
  public static final int DEFAULT_PROMPT_TOKENS = 10_000;

  public ChatModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vendor, "vendor");
    if (name.isBlank()) {
      throw new IllegalArgumentException("model name must not be blank");
    }
    friendlyName = friendlyName == null || friendlyName.isBlank() ? name : friendlyName;
    priceTier = priceTier == null ? PriceTier.FREE : priceTier;
  }

  public int promptBudget() {
    if (maxPromptSize != null && maxPromptSize > 0) {
      return maxPromptSize;
    }
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (n.startsWith("gpt-4.1")
        || n.startsWith("gemini-2")
        || n.startsWith("o3")
        || n.startsWith("o4")) {
      return 120_000;
    }
    if (n.startsWith("gpt-4o") || n.startsWith("claude")) {
      return 60_000;
    }
    return DEFAULT_PROMPT_TOKENS;
  }
}
