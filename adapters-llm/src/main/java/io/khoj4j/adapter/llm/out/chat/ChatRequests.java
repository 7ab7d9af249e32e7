package io.khoj4j.adapter.llm.out.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.chat.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/** Between the core's prompt and token counts and LangChain4j's messages and usage. */
final class ChatRequests {

  private ChatRequests() {}

  /**
   * The prompt as LangChain4j messages. A JSON answer is asked for in the last message with its schema (every vendor
   * reads that), and as JSON mode where the vendor has one; images go only to models that see.
   */
  static ChatRequest toRequest(ChatCompletionRequest request) {
    List<ChatMessage> messages = new ArrayList<>();
    List<PromptMessage> prompt = request.messages();
    for (int i = 0; i < prompt.size(); i++) {
      PromptMessage m = prompt.get(i);
      boolean last = i == prompt.size() - 1;
      String text = m.text();
      if (last && request.jsonSchema().isPresent()) {
        text = text
            + "\n\nAnswer with a single JSON object that follows this JSON Schema, and nothing else:\n"
            + request.jsonSchema().get();
      }
      messages.add(
          switch (m) {
            case PromptMessage.System s -> SystemMessage.from(s.text());
            case PromptMessage.Assistant a -> AiMessage.from(a.text());
            case PromptMessage.User u ->
              userMessage(text, request.model().vision() ? u.images() : List.of());
          });
    }
    ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
    request.temperature().ifPresent(builder::temperature);
    request.maxOutputTokens().ifPresent(builder::maxOutputTokens);
    if (request.jsonSchema().isPresent() && request.model().vendor() != ModelVendor.ANTHROPIC) {
      builder.responseFormat(ResponseFormat.JSON);
    }
    return builder.build();
  }

  /** Images as data URIs are sent inline with their type; other strings as URLs. */
  private static UserMessage userMessage(String text, List<String> images) {
    if (images.isEmpty()) {
      return UserMessage.from(text);
    }
    List<Content> contents = new ArrayList<>();
    contents.add(TextContent.from(text));
    for (String image : images) {
      if (image.startsWith("data:") && image.contains(";base64,")) {
        String mime = image.substring(5, image.indexOf(';'));
        contents.add(ImageContent.from(image.substring(image.indexOf(";base64,") + 8), mime));
      } else {
        contents.add(ImageContent.from(image));
      }
    }
    return UserMessage.from(contents);
  }

  /** The vendor's token counts; OpenAI also reports reasoning and cached tokens. */
  static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
    if (usage == null) {
      return TokenUsage.NONE;
    }
    int thoughts = 0;
    int cached = 0;
    if (usage instanceof OpenAiTokenUsage openAi) {
      if (openAi.outputTokensDetails() != null
          && openAi.outputTokensDetails().reasoningTokens() != null) {
        thoughts = openAi.outputTokensDetails().reasoningTokens();
      }
      if (openAi.inputTokensDetails() != null
          && openAi.inputTokensDetails().cachedTokens() != null) {
        cached = openAi.inputTokensDetails().cachedTokens();
      }
    }
    return new TokenUsage(
        orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()), thoughts, cached, 0, 0);
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }
}
