package io.khoj4j.adapter.llm.out.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.PromptMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway must do with every vendor, each subclass stubbing that vendor's real wire format (streaming
 * included) with WireMock.
 */
abstract class ChatModelGatewayContract {

  protected WireMockServer server;
  protected Langchain4jChatModelGateway gateway;

  /** The endpoint pointing at {@link #server}. */
  protected abstract ChatModelEndpoint endpoint();

  /** Path the vendor streams from. */
  protected abstract String streamPath();

  /** A successful streamed answer: "Hello world." in two deltas, optionally preceded by a reasoning delta. */
  protected abstract ResponseDefinitionBuilder streamedAnswer(boolean withThinking);

  /** A stream that ends in the middle of a frame. */
  protected abstract ResponseDefinitionBuilder brokenStream();

  /** Whether this vendor's format carries reasoning deltas the gateway should pass on. */
  protected boolean streamsThinking() {
    return true;
  }

  /** A fragment of the request body that shows JSON output was asked for (null when asked only in the prompt). */
  protected abstract String jsonModeMarker();

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    gateway = new Langchain4jChatModelGateway(Duration.ofMillis(1500), 2, Duration.ofMillis(20),
        Duration.ofMillis(50), 1000);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  protected static final class Recorder implements ChatStreamListener {
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<String> thoughts = new CopyOnWriteArrayList<>();
    final CompletableFuture<ChatCompletion> done = new CompletableFuture<>();
    volatile boolean delivered;

    @Override
    public void onText(String delta) {
      texts.add(delta);
    }

    @Override
    public void onThought(String delta) {
      thoughts.add(delta);
    }

    @Override
    public void onComplete(ChatCompletion completion) {
      done.complete(completion);
    }

    @Override
    public void onError(UpstreamFailureException error, boolean deliveredAnything) {
      delivered = deliveredAnything;
      done.completeExceptionally(error);
    }
  }

  private ChatCompletionRequest request() {
    return ChatCompletionRequest.of(endpoint(), List.of(new PromptMessage.System("Be brief."),
        new PromptMessage.User("Say hello")));
  }

  private ChatCompletion await(Recorder r) throws Exception {
    return r.done.get(10, TimeUnit.SECONDS);
  }

  @Test
  void streamsTextDeltasInOrderThenCompletesWithUsage() throws Exception {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(streamedAnswer(false)));
    Recorder r = new Recorder();

    gateway.stream(request(), r);
    ChatCompletion done = await(r);

    assertThat(String.join("", r.texts)).isEqualTo("Hello world.");
    assertThat(r.texts).hasSizeGreaterThanOrEqualTo(2);
    assertThat(done.text()).isEqualTo("Hello world.");
    assertThat(done.usage().inputTokens()).isPositive();
    assertThat(done.usage().outputTokens()).isPositive();
  }

  @Test
  void reasoningDeltasArePassedOnSeparately() throws Exception {
    if (!streamsThinking()) {
      return;
    }
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(streamedAnswer(true)));
    Recorder r = new Recorder();

    gateway.stream(request(), r);
    ChatCompletion done = await(r);

    assertThat(String.join("", r.thoughts)).isEqualTo("Thinking about greetings.");
    assertThat(done.text()).isEqualTo("Hello world.");
  }

  @Test
  void completeWaitsForTheWholeAnswer() {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(streamedAnswer(false)));

    assertThat(gateway.complete(request()).text()).isEqualTo("Hello world.");
  }

  @Test
  void jsonAnswersAreAskedFor() {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(streamedAnswer(false)));

    gateway.complete(request().asJson("{\"type\":\"object\"}"));

    server.verify(postRequestedFor(urlPathEqualTo(streamPath())).withRequestBody(containing("JSON Schema")));
    if (jsonModeMarker() != null) {
      server.verify(postRequestedFor(urlPathEqualTo(streamPath())).withRequestBody(containing(jsonModeMarker())));
    }
  }

  @Test
  void aRateLimitIsRetriedAndTheAnswerArrivesOnce() throws Exception {
    server.stubFor(post(urlPathEqualTo(streamPath())).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\"}}"))
        .willSetStateTo("free"));
    server.stubFor(post(urlPathEqualTo(streamPath())).inScenario("busy").whenScenarioStateIs("free")
        .willReturn(streamedAnswer(false)));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertThat(await(r).text()).isEqualTo("Hello world.");
    assertThat(String.join("", r.texts)).isEqualTo("Hello world.");
    server.verify(2, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void serverErrorsAreRetriedThenReportedAsRetryable() {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"overloaded\"}}")));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertThatThrownBy(() -> await(r)).hasCauseInstanceOf(UpstreamFailureException.class)
        .cause().satisfies(e -> assertThat(((UpstreamFailureException) e).retryable()).isTrue());
    server.verify(3, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void aRejectedKeyIsNotRetried() {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"invalid api key\",\"type\":\"authentication_error\"}}")));

    assertThatThrownBy(() -> gateway.complete(request())).isInstanceOfSatisfying(UpstreamFailureException.class,
        e -> assertThat(e.retryable()).isFalse());
    server.verify(1, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void aBrokenStreamNeverLooksLikeACompleteAnswer() throws Exception {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(brokenStream()));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    try {
      ChatCompletion done = await(r);
      assertThat(done.text()).isNotEqualTo("Hello world.");
    } catch (java.util.concurrent.ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(UpstreamFailureException.class);
    }
  }

  @Test
  void aStalledProviderTimesOutAsRetryable() {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(streamedAnswer(false).withFixedDelay(3000)));

    assertThatThrownBy(() -> gateway.complete(request())).isInstanceOfSatisfying(UpstreamFailureException.class,
        e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void cancellingStopsTheStream() throws Exception {
    gateway = new Langchain4jChatModelGateway(Duration.ofSeconds(20), 2, Duration.ofMillis(20), Duration.ofMillis(50),
        1000);
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(streamedAnswer(false).withChunkedDribbleDelay(40, 4000)));
    AtomicBoolean completed = new AtomicBoolean();
    CompletableFuture<Void> firstText = new CompletableFuture<>();
    List<String> after = new CopyOnWriteArrayList<>();
    AtomicBoolean cancelledFlag = new AtomicBoolean();
    ChatStream[] stream = new ChatStream[1];
    stream[0] = gateway.stream(request(), new ChatStreamListener() {
      @Override
      public void onText(String delta) {
        if (cancelledFlag.get()) {
          after.add(delta);
        }
        firstText.complete(null);
      }

      @Override
      public void onThought(String delta) {}

      @Override
      public void onComplete(ChatCompletion completion) {
        completed.set(true);
      }

      @Override
      public void onError(UpstreamFailureException error, boolean deliveredAnything) {
        completed.set(true);
      }
    });

    firstText.get(10, TimeUnit.SECONDS);
    cancelledFlag.set(true);
    stream[0].cancel();
    Thread.sleep(4500);

    assertThat(completed).isFalse();
    assertThat(after).isEmpty();
    server.verify(1, anyRequestedFor(anyUrl()));
  }
}
