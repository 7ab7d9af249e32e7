package io.khoj4j.adapter.llm.out.chat;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * LangChain4j's streaming model for each configured endpoint, built once and kept: OpenAI (and every
 * OpenAI-compatible server), Anthropic, Gemini and Ollama, each on {@link WholeStreamHttpClient} so that a stream is
 * read to its vendor's own end marker and can be cut off from outside.
 */
final class VendorChatModels {

  private final Duration timeout;
  private final int anthropicMaxTokens;
  private final Map<String, StreamingChatModel> models = new ConcurrentHashMap<>();

  VendorChatModels(Duration timeout, int anthropicMaxTokens) {
    this.timeout = timeout;
    this.anthropicMaxTokens = anthropicMaxTokens;
  }

  /** The model for the endpoint; a changed key, URL or model name is another model. */
  StreamingChatModel of(ChatModelEndpoint endpoint) {
    String key = endpoint.vendor() + "|" + endpoint.baseUrl() + "|" + endpoint.modelName() + "|"
        + Integer.toHexString(endpoint.apiKey().hashCode());
    return models.computeIfAbsent(key, k -> build(endpoint));
  }

  private StreamingChatModel build(ChatModelEndpoint e) {
    String apiKey = e.apiKey().isBlank() ? "not-needed" : e.apiKey();
    return switch (e.vendor()) {
      case OPENAI -> {
        var b = OpenAiStreamingChatModel.builder()
            .apiKey(apiKey)
            .modelName(e.modelName())
            .timeout(timeout)
            .returnThinking(true)
            .httpClientBuilder(WholeStreamHttpClient.builder(StreamEnd.OPENAI));
        if (e.baseUrl() != null) {
          b.baseUrl(e.baseUrl());
        }
        yield b.build();
      }
      case ANTHROPIC -> {
        var b = AnthropicStreamingChatModel.builder()
            .apiKey(apiKey)
            .modelName(e.modelName())
            .timeout(timeout)
            .maxTokens(anthropicMaxTokens)
            .returnThinking(true)
            .httpClientBuilder(WholeStreamHttpClient.builder(StreamEnd.ANTHROPIC));
        if (e.baseUrl() != null) {
          b.baseUrl(e.baseUrl());
        }
        yield b.build();
      }
      case GOOGLE -> {
        var b = GoogleAiGeminiStreamingChatModel.builder()
            .apiKey(apiKey)
            .modelName(e.modelName())
            .timeout(timeout)
            .returnThinking(true)
            .httpClientBuilder(WholeStreamHttpClient.builder(StreamEnd.GEMINI));
        if (e.baseUrl() != null) {
          b.baseUrl(e.baseUrl());
        }
        yield b.build();
      }
      case OLLAMA ->
        OllamaStreamingChatModel.builder()
            .baseUrl(e.baseUrl() == null ? "http://localhost:11434" : e.baseUrl())
            .modelName(e.modelName())
            .timeout(timeout)
            .returnThinking(true)
            .httpClientBuilder(WholeStreamHttpClient.builder(StreamEnd.OLLAMA))
            .build();
    };
  }
}
