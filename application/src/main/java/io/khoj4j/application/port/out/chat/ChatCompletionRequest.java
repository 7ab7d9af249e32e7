package io.khoj4j.application.port.out.chat;

import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.PromptMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One call to a chat model.
 *
 * @param jsonSchema when present, the answer must be a JSON object; the schema (JSON Schema text) is passed to vendors
 *     that enforce it, others get JSON mode and the schema in the instructions
 */
public record ChatCompletionRequest(
    ChatModelEndpoint model,
    List<PromptMessage> messages,
    Optional<String> jsonSchema,
    Optional<Double> temperature,
    Optional<Integer> maxOutputTokens,
    Optional<Long> seed) {

  public ChatCompletionRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a completion needs at least one message");
    }
    jsonSchema = jsonSchema == null ? Optional.empty() : jsonSchema;
    temperature = temperature == null ? Optional.empty() : temperature;
    maxOutputTokens = maxOutputTokens == null ? Optional.empty() : maxOutputTokens;
    seed = seed == null ? Optional.empty() : seed;
  }

  public static ChatCompletionRequest of(ChatModelEndpoint model, List<PromptMessage> messages) {
    return new ChatCompletionRequest(
        model, messages, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ChatCompletionRequest asJson(String schema) {
    return new ChatCompletionRequest(
        model, messages, Optional.of(schema), temperature, maxOutputTokens, seed);
  }
}
