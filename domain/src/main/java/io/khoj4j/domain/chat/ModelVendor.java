package io.khoj4j.domain.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The wire protocol a chat model speaks. {@code OPENAI} covers every OpenAI-compatible server (vLLM, llama.cpp,
 * LM Studio, Ollama's {@code /v1}); {@code OLLAMA} is Ollama's native API. Wire names are Khoj's model types.
 */
public enum ModelVendor {
  OPENAI("openai"),
  ANTHROPIC("anthropic"),
  GOOGLE("google"),
  OLLAMA("ollama");

  private final String wireName;

  ModelVendor(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ModelVendor> fromWire(String name) {
    return Arrays.stream(values())
        .filter(v -> v.wireName.equals(name == null ? "" : name.toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
