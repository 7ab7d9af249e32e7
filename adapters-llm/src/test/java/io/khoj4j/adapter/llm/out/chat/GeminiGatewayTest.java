package io.khoj4j.adapter.llm.out.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.PromptMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Google Gemini: streamGenerateContent?alt=sse, candidates with parts (thought parts marked), usageMetadata. */
class GeminiGatewayTest extends ChatModelGatewayContract {

  @Override
  protected ChatModelEndpoint endpoint(String serverUrl) {
    return new ChatModelEndpoint(
        ModelVendor.GOOGLE, "gemini-2.5-flash", serverUrl + "/v1beta", "AIza-test", 4096, false);
  }

  @Override
  protected String streamPath() {
    return "/v1beta/models/gemini-2.5-flash:streamGenerateContent";
  }

  private static String chunk(String parts, String finish, String usage) {
    return "data: {\"candidates\":[{\"content\":{\"parts\":" + parts + ",\"role\":\"model\"}"
        + (finish == null ? "" : ",\"finishReason\":\"" + finish + "\"") + ",\"index\":0}]"
        + ",\"usageMetadata\":" + usage
        + ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r1\"}\r\n\r\n";
  }

  @Override
  protected ResponseDefinitionBuilder streamedAnswer(boolean withThinking) {
    String usage = "{\"promptTokenCount\":8,\"candidatesTokenCount\":4,\"totalTokenCount\":12"
        + (withThinking ? ",\"thoughtsTokenCount\":5" : "") + "}";
    String body = (withThinking
            ? chunk("[{\"text\":\"Thinking about greetings.\",\"thought\":true}]", null, usage)
            : "")
        + chunk("[{\"text\":\"Hello \"}]", null, usage)
        + chunk("[{\"text\":\"world.\"}]", "STOP", usage);
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withBody(body);
  }

  private static final String USAGE =
      "{\"promptTokenCount\":8,\"candidatesTokenCount\":4,\"totalTokenCount\":12}";

  @Override
  protected String contentType() {
    return "text/event-stream";
  }

  @Override
  protected String opening() {
    return chunk("[{\"text\":\"Hel\"}]", null, USAGE);
  }

  @Override
  protected String closingWithoutEnd() {
    return chunk("[{\"text\":\"lo world.\"}]", null, USAGE);
  }

  @Override
  protected String closing() {
    return chunk("[{\"text\":\"lo world.\"}]", "STOP", USAGE);
  }

  @Override
  protected String garbledFrame() {
    return "data: {\"candidates\":[{\"content\":{\"parts\":[{\"te\r\n\r\n";
  }

  @Test
  void aBlockedPromptIsARefusalNotARetry() {
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(streamOf("data: {\"promptFeedback\":"
            + "{\"blockReason\":\"SAFETY\"},\"usageMetadata\":" + USAGE + "}\r\n\r\n")));

    assertThatThrownBy(() -> gateway.complete(
            ChatCompletionRequest.of(endpoint(), List.of(new PromptMessage.User("Say hello")))))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isFalse());
    server.verify(1, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Override
  protected String jsonModeMarker() {
    return "application/json";
  }

  @Override
  protected String cutAtLength() {
    return opening() + chunk("[{\"text\":\"lo wor\"}]", "MAX_TOKENS", USAGE);
  }

  /** A candidate stopped by a safety reason: no content, the rating that blocked it. */
  private static String blocked(String reason) {
    return "data: {\"candidates\":[{\"finishReason\":\"" + reason + "\",\"index\":0,"
        + "\"safetyRatings\":[{\"category\":\"HARM_CATEGORY_DANGEROUS_CONTENT\","
        + "\"probability\":\"HIGH\",\"blocked\":true}]}],\"usageMetadata\":" + USAGE
        + ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r1\"}\r\n\r\n";
  }

  @Override
  protected String refusedByFilter() {
    return opening() + blocked("SAFETY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SAFETY", "RECITATION", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII"})
  void everySafetyReasonIsAFilteredAnswer(String reason) {
    server.stubFor(
        post(urlPathEqualTo(streamPath())).willReturn(streamOf(opening() + blocked(reason))));

    ChatCompletion done = gateway.complete(
        ChatCompletionRequest.of(endpoint(), List.of(new PromptMessage.User("Say hello"))));

    assertThat(done.text()).isEqualTo("Hel");
    assertThat(done.ending()).isEqualTo(ChatCompletion.Ending.REFUSED_BY_FILTER);
  }

  /** LangChain4j counts LANGUAGE among the safety reasons: the stream's own reason says what happened. */
  @Test
  void aLanguageTheModelDoesNotSupportIsNotCalledASafetyStop() {
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(streamOf(opening() + chunk("[{\"text\":\"\"}]", "LANGUAGE", USAGE))));

    ChatCompletion done = gateway.complete(
        ChatCompletionRequest.of(endpoint(), List.of(new PromptMessage.User("Say hello"))));

    assertThat(done.text()).isEqualTo("Hel");
    assertThat(done.ending()).isEqualTo(ChatCompletion.Ending.LANGUAGE_UNSUPPORTED);
  }
}
