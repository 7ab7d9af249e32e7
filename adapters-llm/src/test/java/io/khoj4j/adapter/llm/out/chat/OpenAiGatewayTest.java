package io.khoj4j.adapter.llm.out.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.PromptMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenAI (and every OpenAI-compatible server): server-sent chat.completion.chunk events, a usage chunk, [DONE]. */
class OpenAiGatewayTest extends ChatModelGatewayContract {

  @Override
  protected ChatModelEndpoint endpoint(String serverUrl) {
    return new ChatModelEndpoint(
        ModelVendor.OPENAI, "gpt-4o-mini", serverUrl + "/v1", "sk-test", 4096, false);
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
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withBody(body);
  }

  @Override
  protected String contentType() {
    return "text/event-stream";
  }

  @Override
  protected String opening() {
    return chunk("{\"role\":\"assistant\",\"content\":\"\"}") + chunk("{\"content\":\"Hel\"}");
  }

  @Override
  protected String closingWithoutEnd() {
    return chunk("{\"content\":\"lo world.\"}")
        + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1730000000,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n";
  }

  @Override
  protected String closing() {
    return closingWithoutEnd() + "data: [DONE]\n\n";
  }

  @Override
  protected String garbledFrame() {
    return "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"con\n\n";
  }

  @Test
  void doneWithoutAFinishReasonIsNotAnAnswer() throws Exception {
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(streamOf(opening() + chunk("{\"content\":\"lo\"}") + "data: [DONE]\n\n")));
    Recorder r = new Recorder();

    gateway.stream(
        ChatCompletionRequest.of(endpoint(), List.of(new PromptMessage.User("Say hello"))), r);

    assertThat(r.failure().retryable()).isTrue();
    assertThat(r.delivered).isTrue();
  }

  @Test
  void anAccountWithoutCreditIsNotRetriedAndSaysSo() throws Exception {
    // OpenAI's 429 for an account out of credit, not a rate limit: waiting does not help
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(aResponse()
            .withStatus(429)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and"
                    + " billing details.\",\"type\":\"insufficient_quota\",\"param\":null,"
                    + "\"code\":\"insufficient_quota\"}}")));
    Recorder r = new Recorder();

    gateway.stream(
        ChatCompletionRequest.of(endpoint(), List.of(new PromptMessage.User("Say hello"))), r);

    assertThat(r.failure().retryable()).isFalse();
    assertThat(r.failure().getMessage()).contains("no credit left");
    server.verify(
        1,
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
            urlPathEqualTo(streamPath())));
  }

  @Override
  protected String jsonModeMarker() {
    return "json_object";
  }

  /** The chunk that ends the choice, for {@code reason}. */
  private static String finish(String reason) {
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1730000000,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,"
        + "\"finish_reason\":\"" + reason + "\"}]}\n\n";
  }

  private static final String USAGE_AND_DONE =
      "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1730000000,"
          + "\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
          + "\"completion_tokens\":3,\"total_tokens\":15}}\n\n"
          + "data: [DONE]\n\n";

  @Override
  protected String cutAtLength() {
    return opening() + chunk("{\"content\":\"lo wor\"}") + finish("length") + USAGE_AND_DONE;
  }

  /** Azure OpenAI's output filter: the choice ends with {@code content_filter}. */
  @Override
  protected String refusedByFilter() {
    return opening() + finish("content_filter") + USAGE_AND_DONE;
  }
}
