package io.khoj4j.adapter.llm.out.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;

/** OpenAI (and every OpenAI-compatible server): server-sent chat.completion.chunk events, a usage chunk, [DONE]. */
class OpenAiGatewayTest extends ChatModelGatewayContract {

  @Override
  protected ChatModelEndpoint endpoint() {
    return new ChatModelEndpoint(ModelVendor.OPENAI, "gpt-4o-mini", server.baseUrl() + "/v1", "sk-test", 4096,
        false);
  }

  @Override
  protected String streamPath() {
    return "/v1/chat/completions";
  }

  private static String chunk(String delta) {
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1730000000,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta
        + ",\"logprobs\":null,\"finish_reason\":null}]}\n\n";
  }

  @Override
  protected ResponseDefinitionBuilder streamedAnswer(boolean withThinking) {
    String body = chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}")
        + (withThinking ? chunk("{\"reasoning_content\":\"Thinking about greetings.\"}") : "")
        + chunk("{\"content\":\"Hello \"}")
        + chunk("{\"content\":\"world.\"}")
        + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1730000000,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,"
        + "\"finish_reason\":\"stop\"}]}\n\n"
        + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1730000000,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,"
        + "\"total_tokens\":16,\"completion_tokens_details\":{\"reasoning_tokens\":0}}}\n\n"
        + "data: [DONE]\n\n";
    return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
  }

  @Override
  protected ResponseDefinitionBuilder brokenStream() {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
        .withBody(chunk("{\"content\":\"Hel\"}") + "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"con");
  }

  @Override
  protected String jsonModeMarker() {
    return "json_object";
  }
}
