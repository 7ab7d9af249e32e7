package io.khoj4j.adapter.llm.out.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import io.khoj4j.adapter.llm.out.SharedJson;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import java.util.Optional;

/**
 * How each vendor's stream says that an answer is whole. LangChain4j does not check it: its OpenAI and Gemini clients
 * complete whenever the connection closes, and its Anthropic and Ollama clients say nothing at all when a stream ends
 * early; all but OpenAI's skip frames they cannot parse. {@link WholeStreamHttpClient} asks this for every frame.
 */
enum StreamEnd {

  /** OpenAI and every OpenAI-compatible server: a last {@code data: [DONE]}. */
  OPENAI {
    @Override
    boolean isEnd(ServerSentEvent event) {
      return "[DONE]".equals(event.data().strip());
    }
  },

  /** Anthropic's Messages API: a {@code message_stop} event. */
  ANTHROPIC {
    @Override
    boolean isEnd(ServerSentEvent event) {
      return "message_stop".equals(event.event());
    }

    /**
     * LangChain4j maps every stop reason of a {@code message_delta} it does not know to OTHER, as if the answer were
     * whole: {@code refusal} (Claude's streaming classifier) and {@code model_context_window_exceeded}.
     */
    @Override
    Optional<ChatCompletion.Ending> statedEnding(ServerSentEvent event) {
      if (!"message_delta".equals(event.event())) {
        return Optional.empty();
      }
      return switch (json(event).path("delta").path("stop_reason").asText("")) {
        case "refusal" -> Optional.of(ChatCompletion.Ending.REFUSED_BY_FILTER);
        case "model_context_window_exceeded" -> Optional.of(ChatCompletion.Ending.CUT_AT_CONTEXT);
        default -> Optional.empty();
      };
    }
  },

  /** Gemini: a candidate carrying a {@code finishReason}; a blocked prompt is a refusal, not a broken stream. */
  GEMINI {
    @Override
    boolean isEnd(ServerSentEvent event) {
      JsonNode chunk = json(event);
      String blocked = chunk.path("promptFeedback").path("blockReason").asText("");
      if (!blocked.isEmpty()) {
        throw new InvalidRequestException(
            "the prompt was blocked by the model provider (" + blocked + ")");
      }
      for (JsonNode candidate : chunk.path("candidates")) {
        if (!candidate.path("finishReason").asText("").isEmpty()) {
          return true;
        }
      }
      return false;
    }

    /** LangChain4j counts {@code LANGUAGE} (a language the model does not support) among the safety reasons. */
    @Override
    Optional<ChatCompletion.Ending> statedEnding(ServerSentEvent event) {
      if (!event.data().contains("\"LANGUAGE\"")) {
        return Optional.empty(); // not worth a second parse of every frame
      }
      for (JsonNode candidate : json(event).path("candidates")) {
        if ("LANGUAGE".equals(candidate.path("finishReason").asText(""))) {
          return Optional.of(ChatCompletion.Ending.LANGUAGE_UNSUPPORTED);
        }
      }
      return Optional.empty();
    }
  },

  /** Ollama's native API: newline-delimited JSON whose last line has {@code "done": true}. */
  OLLAMA {
    @Override
    boolean isEnd(ServerSentEvent event) {
      return json(event).path("done").asBoolean(false);
    }
  };

  private static final ObjectMapper JSON = SharedJson.MAPPER;

  /**
   * Whether this frame ends a whole answer.
   *
   * @throws BrokenStreamException when the frame cannot be read
   * @throws dev.langchain4j.exception.LangChain4jException when the frame is the vendor's refusal
   */
  abstract boolean isEnd(ServerSentEvent event);

  /**
   * How the answer ended, where this frame says so and the vendor client reports it wrongly (as an ordinary end, or
   * as another reason); empty where the vendor client's own finish reason is right. OpenAI's client names a length
   * cut and a content filter itself.
   *
   * @throws BrokenStreamException when the frame cannot be read
   */
  Optional<ChatCompletion.Ending> statedEnding(ServerSentEvent event) {
    return Optional.empty();
  }

  private static JsonNode json(ServerSentEvent event) {
    try {
      JsonNode node = JSON.readTree(event.data());
      if (node == null || !node.isObject()) {
        throw new BrokenStreamException(
            BrokenStreamException.Kind.MALFORMED,
            "the model provider sent a frame that is not a JSON object",
            null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BrokenStreamException(
          BrokenStreamException.Kind.MALFORMED,
          "the model provider sent a frame that could not be read",
          e);
    }
  }
}
