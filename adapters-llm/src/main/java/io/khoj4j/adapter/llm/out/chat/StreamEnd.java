package io.khoj4j.adapter.llm.out.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import io.khoj4j.adapter.llm.out.SharedJson;

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

    /** LangChain4j maps the {@code refusal} stop reason of a {@code message_delta} to OTHER, like a pause. */
    @Override
    boolean refuses(ServerSentEvent event) {
      return "message_delta".equals(event.event())
          && "refusal".equals(json(event).path("delta").path("stop_reason").asText(""));
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
   * Whether this frame says the model refused to answer, where the vendor client reports that as an ordinary end.
   * OpenAI's and Gemini's clients name a content filter in their finish reason themselves.
   *
   * @throws BrokenStreamException when the frame cannot be read
   */
  boolean refuses(ServerSentEvent event) {
    return false;
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
