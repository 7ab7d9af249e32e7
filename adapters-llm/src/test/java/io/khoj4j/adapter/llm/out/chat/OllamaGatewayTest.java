package io.khoj4j.adapter.llm.out.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;

/** Ollama's native /api/chat: newline-delimited JSON, a final line with done=true and the token counts. */
class OllamaGatewayTest extends ChatModelGatewayContract {

  @Override
  protected ChatModelEndpoint endpoint(String serverUrl) {
    return new ChatModelEndpoint(ModelVendor.OLLAMA, "llama3.2", serverUrl, "", 4096, false);
  }

  @Override
  protected String streamPath() {
    return "/api/chat";
  }

  private static String line(String message, boolean done) {
    return "{\"model\":\"llama3.2\",\"created_at\":\"2026-03-18T09:00:00Z\",\"message\":" + message
        + ",\"done\":" + done
        + (done
            ? ",\"done_reason\":\"stop\",\"total_duration\":5000000,"
                + "\"load_duration\":1000,\"prompt_eval_count\":14,\"prompt_eval_duration\":100,\"eval_count\":4,"
                + "\"eval_duration\":200"
            : "")
        + "}\n";
  }

  @Override
  protected ResponseDefinitionBuilder streamedAnswer(boolean withThinking) {
    String body = (withThinking
            ? line(
                "{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Thinking about greetings.\"}",
                false)
            : "")
        + line("{\"role\":\"assistant\",\"content\":\"Hello \"}", false)
        + line("{\"role\":\"assistant\",\"content\":\"world.\"}", false)
        + line("{\"role\":\"assistant\",\"content\":\"\"}", true);
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-ndjson")
        .withBody(body);
  }

  @Override
  protected String contentType() {
    return "application/x-ndjson";
  }

  @Override
  protected String opening() {
    return line("{\"role\":\"assistant\",\"content\":\"Hel\"}", false);
  }

  @Override
  protected String closingWithoutEnd() {
    return line("{\"role\":\"assistant\",\"content\":\"lo world.\"}", false);
  }

  @Override
  protected String closing() {
    return closingWithoutEnd() + line("{\"role\":\"assistant\",\"content\":\"\"}", true);
  }

  @Override
  protected String garbledFrame() {
    return "{\"model\":\"llama3.2\",\"mess\n";
  }

  @Override
  protected String jsonModeMarker() {
    return "\"format\"";
  }

  @Override
  protected String cutAtLength() {
    return opening()
        + line("{\"role\":\"assistant\",\"content\":\"lo wor\"}", false)
        + line("{\"role\":\"assistant\",\"content\":\"\"}", true).replace("\"stop\"", "\"length\"");
  }

  /** Ollama runs models locally, with no provider filter. */
  @Override
  protected String refusedByFilter() {
    return null;
  }
}
