package io.khoj4j.adapter.llm.out.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Anthropic's Messages API event stream: message_start, content blocks (thinking, text), message_delta, stop. */
class AnthropicGatewayTest extends ChatModelGatewayContract {

  @Override
  protected ChatModelEndpoint endpoint(String serverUrl) {
    return new ChatModelEndpoint(
        ModelVendor.ANTHROPIC, "claude-sonnet-4-0", serverUrl + "/v1/", "sk-ant-test", 4096, false);
  }

  @Override
  protected String streamPath() {
    return "/v1/messages";
  }

  private static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  @Override
  protected ResponseDefinitionBuilder streamedAnswer(boolean withThinking) {
    StringBuilder body = new StringBuilder(event(
        "message_start",
        "{\"type\":\"message_start\",\"message\":"
            + "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-0\","
            + "\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
            + "\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}"));
    int index = 0;
    if (withThinking) {
      body.append(event(
              "content_block_start",
              "{\"type\":\"content_block_start\",\"index\":0,"
                  + "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}"))
          .append(
              event(
                  "content_block_delta",
                  "{\"type\":\"content_block_delta\",\"index\":0,"
                      + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Thinking about greetings.\"}}"))
          .append(event(
              "content_block_delta",
              "{\"type\":\"content_block_delta\",\"index\":0,"
                  + "\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQBCgIYAhIM\"}}"))
          .append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
      index = 1;
    }
    body.append(event(
            "content_block_start",
            "{\"type\":\"content_block_start\",\"index\":" + index
                + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"))
        .append(event("ping", "{\"type\":\"ping\"}"))
        .append(event(
            "content_block_delta",
            "{\"type\":\"content_block_delta\",\"index\":" + index
                + ",\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello \"}}"))
        .append(event(
            "content_block_delta",
            "{\"type\":\"content_block_delta\",\"index\":" + index
                + ",\"delta\":{\"type\":\"text_delta\",\"text\":\"world.\"}}"))
        .append(event(
            "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}"))
        .append(event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}"))
        .append(event("message_stop", "{\"type\":\"message_stop\"}"));
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/event-stream")
        .withBody(body.toString());
  }

  @Override
  protected String contentType() {
    return "text/event-stream";
  }

  private static String textDelta(String text) {
    return event(
        "content_block_delta",
        "{\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}");
  }

  @Override
  protected String opening() {
    return openingWithoutText() + textDelta("Hel");
  }

  @Override
  protected String closingWithoutEnd() {
    return textDelta("lo world.")
        + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
        + event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}");
  }

  @Override
  protected String closing() {
    return closingWithoutEnd() + event("message_stop", "{\"type\":\"message_stop\"}");
  }

  @Override
  protected String garbledFrame() {
    return "event: content_block_delta\ndata: {\"type\":\"content_blo\n\n";
  }

  @Override
  protected String jsonModeMarker() {
    return null;
  }

  /** The last frames of a message that stopped for {@code reason}. */
  private static String stoppedFor(String reason) {
    return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
        + event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + reason + "\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":3}}")
        + event("message_stop", "{\"type\":\"message_stop\"}");
  }

  @Override
  protected String cutAtLength() {
    return opening() + textDelta("lo wor") + stoppedFor("max_tokens");
  }

  /** Claude's streaming classifier: the message stops with {@code refusal}, which LangChain4j reads as OTHER. */
  @Override
  protected String refusedByFilter() {
    return opening() + stoppedFor("refusal");
  }

  /** A conversation that fills the context window mid-answer ends with a stop reason LangChain4j reads as OTHER. */
  @Test
  void anAnswerThatFillsTheContextWindowEndsSo() throws Exception {
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(streamOf(
            opening() + textDelta("lo wor") + stoppedFor("model_context_window_exceeded"))));

    ChatCompletion done = gateway.complete(request());

    assertThat(done.text()).isEqualTo("Hello wor");
    assertThat(done.ending()).isEqualTo(ChatCompletion.Ending.CUT_AT_CONTEXT);
  }

  /** Anthropic's 429: its own error body and a lower-case {@code retry-after}. */
  @Override
  protected ResponseDefinitionBuilder rateLimited(String retryAfter) {
    return aResponse()
        .withStatus(429)
        .withHeader("retry-after", retryAfter)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
            + "\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}");
  }

  @Test
  void pingsWhileTheModelThinksUnseenKeepTheStreamAlive() throws Exception {
    gateway = new Langchain4jChatModelGateway(
        Duration.ofMillis(600), 2, Duration.ofMillis(20), Duration.ofMillis(50), 1000);
    StringBuilder body = new StringBuilder(openingWithoutText() + pings(40));
    body.append(textDelta("Thought it over."))
        .append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"))
        .append(event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}"))
        .append(event("message_stop", "{\"type\":\"message_stop\"}"));
    // about 2.4 s before the first text, never more than about 0.2 s between two pings
    streamSlowly(body.toString(), 12, 2400);
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertThat(await(r).text()).isEqualTo("Thought it over.");
    server.verify(1, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void pingsWithoutAWordForFiveTimeoutsAreAHungModel() throws Exception {
    // a time-out five times the pings' spacing: a busy machine that holds one chunk back a few
    // tenths of a second must not look like a silent model
    gateway = new Langchain4jChatModelGateway(
        Duration.ofMillis(500), 0, Duration.ofMillis(20), Duration.ofMillis(50), 1000);
    String body = openingWithoutText() + pings(100) + textDelta("Too late.");
    // pings about every 0.1 s for 5 s, then a word: past five timeouts (2.5 s) of pings only
    streamSlowly(body, 50, 5000);
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertThat(r.failure().getCause()).hasMessageContaining("nothing but keep-alives");
  }

  private static String pings(int count) {
    return event("ping", "{\"type\":\"ping\"}").repeat(count);
  }

  /** The stream's body sent in {@code chunks} spread evenly over {@code millis}. */
  private void streamSlowly(String body, int chunks, int millis) {
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "text/event-stream")
            .withBody(body)
            .withChunkedDribbleDelay(chunks, millis)));
  }

  /** A message and its text block opened, no word yet: a model that thinks unseen. */
  private static String openingWithoutText() {
    return event(
            "message_start",
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"usage\":{\"input_tokens\":3,"
                + "\"output_tokens\":1}}}")
        + event(
            "content_block_start",
            "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
  }
}
