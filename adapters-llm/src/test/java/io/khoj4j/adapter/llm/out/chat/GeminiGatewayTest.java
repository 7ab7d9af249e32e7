package io.khoj4j.adapter.llm.out.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;

/** Google Gemini: streamGenerateContent?alt=sse, candidates with parts (thought parts marked), usageMetadata. */
class GeminiGatewayTest extends ChatModelGatewayContract {

  @Override
  protected ChatModelEndpoint endpoint() {
    return new ChatModelEndpoint(ModelVendor.GOOGLE, "gemini-2.5-flash", server.baseUrl() + "/v1beta", "AIza-test",
        4096, false);
  }

  @Override
  protected String streamPath() {
    return "/v1beta/models/gemini-2.5-flash:streamGenerateContent";
  }

  private static String chunk(String parts, String finish, String usage) {
    return "data: {\"candidates\":[{\"content\":{\"parts\":" + parts + ",\"role\":\"model\"}"
        + (finish == null ? "" : ",\"finishReason\":\"" + finish + "\"") + ",\"index\":0}]"
        + ",\"usageMetadata\":" + usage + ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r1\"}\r\n\r\n";
  }

  @Override
  protected ResponseDefinitionBuilder streamedAnswer(boolean withThinking) {
    String usage = "{\"promptTokenCount\":8,\"candidatesTokenCount\":4,\"totalTokenCount\":12"
        + (withThinking ? ",\"thoughtsTokenCount\":5" : "") + "}";
    String body = (withThinking
            ? chunk("[{\"text\":\"Thinking about greetings.\",\"thought\":true}]", null, usage) : "")
        + chunk("[{\"text\":\"Hello \"}]", null, usage)
        + chunk("[{\"text\":\"world.\"}]", "STOP", usage);
    return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
  }

  @Override
  protected ResponseDefinitionBuilder brokenStream() {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
        .withBody("data: {\"candidates\":[{\"content\":{\"parts\":[{\"te");
  }

  @Override
  protected String jsonModeMarker() {
    return "application/json";
  }
}
