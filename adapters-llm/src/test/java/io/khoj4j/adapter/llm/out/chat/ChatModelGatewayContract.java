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
import com.sun.net.httpserver.HttpServer;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.PromptMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

  /** The endpoint of a server at {@code serverUrl} (scheme, host and port). */
  protected abstract ChatModelEndpoint endpoint(String serverUrl);

  /** The endpoint pointing at {@link #server}. */
  protected ChatModelEndpoint endpoint() {
    return endpoint(server.baseUrl());
  }

  /** Path the vendor streams from. */
  protected abstract String streamPath();

  /** A successful streamed answer: "Hello world." in two deltas, optionally preceded by a reasoning delta. */
  protected abstract ResponseDefinitionBuilder streamedAnswer(boolean withThinking);

  /** The vendor's streaming content type. */
  protected abstract String contentType();

  /** The first frames of an answer, ending with a text delta "Hel". */
  protected abstract String opening();

  /** The frames after {@link #opening}: the text "lo world.", the finish and the vendor's end marker. */
  protected abstract String closing();

  /** Like {@link #closing}, but the stream stops cleanly just before the vendor's end marker. */
  protected abstract String closingWithoutEnd();

  /** One frame this vendor's client cannot read. */
  protected abstract String garbledFrame();

  protected ResponseDefinitionBuilder streamOf(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", contentType()).withBody(body);
  }

  /** Whether this vendor's format carries reasoning deltas the gateway should pass on. */
  protected boolean streamsThinking() {
    return true;
  }

  /** A fragment of the request body that shows JSON output was asked for (null when asked only in the prompt). */
  protected abstract String jsonModeMarker();

  /** A whole stream whose answer, "Hello wor", stops because the model reached its output-token limit. */
  protected abstract String cutAtLength();

  /**
   * A whole stream in which the provider's safety filter stops the answer after "Hel"; null for a vendor without
   * one.
   */
  protected abstract String refusedByFilter();

  /** The vendor's 429, with its {@code Retry-After} header set to {@code retryAfter}. */
  protected ResponseDefinitionBuilder rateLimited(String retryAfter) {
    return aResponse()
        .withStatus(429)
        .withHeader("Retry-After", retryAfter)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\"}}");
  }

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    gateway = new Langchain4jChatModelGateway(
        Duration.ofMillis(1500), 2, Duration.ofMillis(20), Duration.ofMillis(50), 1000);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  protected static final class Recorder implements ChatStreamListener {
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<String> thoughts = new CopyOnWriteArrayList<>();
    final CompletableFuture<ChatCompletion> done = new CompletableFuture<>();
    final AtomicInteger endings = new AtomicInteger();
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
      endings.incrementAndGet();
      done.complete(completion);
    }

    @Override
    public void onError(UpstreamFailureException error, boolean deliveredAnything) {
      endings.incrementAndGet();
      delivered = deliveredAnything;
      done.completeExceptionally(error);
    }

    /** The failure the stream ended with; fails the test when it completed instead. */
    UpstreamFailureException failure() throws Exception {
      try {
        ChatCompletion completion = done.get(10, TimeUnit.SECONDS);
        throw new AssertionError(
            "a broken stream completed as an answer: \"" + completion.text() + "\"");
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(UpstreamFailureException.class);
        return (UpstreamFailureException) e.getCause();
      }
    }
  }

  protected ChatCompletionRequest request() {
    return ChatCompletionRequest.of(
        endpoint(),
        List.of(new PromptMessage.System("Be brief."), new PromptMessage.User("Say hello")));
  }

  protected ChatCompletion await(Recorder r) throws Exception {
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

    server.verify(
        postRequestedFor(urlPathEqualTo(streamPath())).withRequestBody(containing("JSON Schema")));
    if (jsonModeMarker() != null) {
      server.verify(postRequestedFor(urlPathEqualTo(streamPath()))
          .withRequestBody(containing(jsonModeMarker())));
    }
  }

  @Test
  void aRateLimitIsRetriedAfterTheProvidersRetryAfterAndTheAnswerArrivesOnce() throws Exception {
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .inScenario("busy")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(rateLimited("1"))
        .willSetStateTo("free"));
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .inScenario("busy")
        .whenScenarioStateIs("free")
        .willReturn(streamedAnswer(false)));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertThat(await(r).text()).isEqualTo("Hello world.");
    assertThat(String.join("", r.texts)).isEqualTo("Hello world.");
    server.verify(2, postRequestedFor(urlPathEqualTo(streamPath())));
    // the backoff alone is 20 ms; Retry-After asked for a second
    assertThat(gapBetweenRequests()).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  /** Between the first two requests the server received. */
  private Duration gapBetweenRequests() {
    List<Instant> received = server.getAllServeEvents().stream()
        .map(e -> e.getRequest().getLoggedDate().toInstant())
        .sorted()
        .toList();
    return Duration.between(received.get(0), received.get(1));
  }

  @Test
  void aProviderAskingForALongPauseIsNotRetriedAndTheFailureSaysWhenToTryAgain() throws Exception {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(rateLimited("3600")));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    UpstreamFailureException failure = r.failure();
    assertThat(failure.getMessage()).contains("it asks to retry in 60 min");
    assertThat(failure.retryAfter()).contains(java.time.Duration.ofHours(1));
    assertThat(failure.retryable()).isTrue();
    assertThat(r.delivered).isFalse();
    Thread.sleep(200);
    server.verify(1, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void aRetryAfterGivenAsAnHttpDateIsRead() throws Exception {
    String inNinetyMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(90));
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(rateLimited(inNinetyMinutes)));

    assertThatThrownBy(() -> gateway.complete(request()))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class,
            e -> assertThat(e.getMessage()).contains("it asks to retry in 90 min"));
    server.verify(1, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void aRetryAfterThatCannotBeReadLeavesTheBackoffAlone() {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(rateLimited("in a while")));

    assertThatThrownBy(() -> gateway.complete(request()))
        .isInstanceOfSatisfying(UpstreamFailureException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).doesNotContain("asks to retry");
        });
    server.verify(3, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void anAnswerCutAtTheOutputLimitEndsSo() throws Exception {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(streamOf(cutAtLength())));
    Recorder r = new Recorder();

    gateway.stream(request(), r);
    ChatCompletion streamed = await(r);

    assertThat(String.join("", r.texts)).isEqualTo("Hello wor");
    assertThat(streamed.text()).isEqualTo("Hello wor");
    assertThat(streamed.ending()).isEqualTo(ChatCompletion.Ending.CUT_AT_LENGTH);
    assertThat(gateway.complete(request()).ending()).isEqualTo(ChatCompletion.Ending.CUT_AT_LENGTH);
  }

  @Test
  void anAnswerStoppedByTheSafetyFilterEndsSo() throws Exception {
    if (refusedByFilter() == null) {
      return;
    }
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(streamOf(refusedByFilter())));
    Recorder r = new Recorder();

    gateway.stream(request(), r);
    ChatCompletion streamed = await(r);

    assertThat(String.join("", r.texts)).isEqualTo("Hel");
    assertThat(streamed.ending()).isEqualTo(ChatCompletion.Ending.REFUSED_BY_FILTER);
    assertThat(gateway.complete(request()).ending())
        .isEqualTo(ChatCompletion.Ending.REFUSED_BY_FILTER);
    server.verify(2, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void aWholeAnswerEndsComplete() throws Exception {
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(streamedAnswer(false)));

    assertThat(gateway.complete(request()).ending()).isEqualTo(ChatCompletion.Ending.COMPLETE);
  }

  @Test
  void serverErrorsAreRetriedThenReportedAsRetryable() {
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(aResponse()
            .withStatus(503)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"message\":\"overloaded\"}}")));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertThatThrownBy(() -> await(r))
        .hasCauseInstanceOf(UpstreamFailureException.class)
        .cause()
        .satisfies(e -> assertThat(((UpstreamFailureException) e).retryable()).isTrue());
    server.verify(3, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void aRejectedKeyIsNotRetried() {
    server.stubFor(
        post(urlPathEqualTo(streamPath()))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"invalid api key\",\"type\":\"authentication_error\"}}")));

    assertThatThrownBy(() -> gateway.complete(request()))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isFalse());
    server.verify(1, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  /** A gateway whose watchdog would take far longer than a test waits, so only stream checks can fail a stream. */
  private void withSlowWatchdog() {
    gateway = new Langchain4jChatModelGateway(
        Duration.ofSeconds(60), 2, Duration.ofMillis(20), Duration.ofMillis(50), 1000);
  }

  /** The stream failed once, retryable, after passing on {@code text}, and was not retried. */
  private void assertFailedOnceAfter(String text, Recorder r) throws Exception {
    UpstreamFailureException failure = r.failure();
    assertThat(failure.retryable()).isTrue();
    assertThat(r.delivered).isTrue();
    assertThat(String.join("", r.texts)).isEqualTo(text);
    Thread.sleep(300);
    assertThat(r.endings).hasValue(1);
    server.verify(1, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void aBrokenStreamNeverLooksLikeACompleteAnswer() throws Exception {
    withSlowWatchdog();
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(streamOf(opening() + garbledFrame().stripTrailing())));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertFailedOnceAfter("Hel", r);
  }

  @Test
  void aStreamThatEndsBeforeItsEndMarkerIsAFailureNotAShortAnswer() throws Exception {
    withSlowWatchdog();
    server.stubFor(
        post(urlPathEqualTo(streamPath())).willReturn(streamOf(opening() + closingWithoutEnd())));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertFailedOnceAfter("Hello world.", r);
  }

  @Test
  void aStreamThatStopsAfterItsFirstTextIsAFailure() throws Exception {
    withSlowWatchdog();
    server.stubFor(post(urlPathEqualTo(streamPath())).willReturn(streamOf(opening())));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertFailedOnceAfter("Hel", r);
  }

  @Test
  void anUnreadableFrameFailsTheAnswerEvenWhenTheStreamEndsWell() throws Exception {
    withSlowWatchdog();
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(streamOf(opening() + garbledFrame() + closing())));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertFailedOnceAfter("Hel", r);
  }

  @Test
  void aStreamBrokenBeforeAnyTextIsRetriedAndTheAnswerArrivesOnce() throws Exception {
    withSlowWatchdog();
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .inScenario("garbled")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(streamOf(garbledFrame() + closing()))
        .willSetStateTo("cut"));
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .inScenario("garbled")
        .whenScenarioStateIs("cut")
        .willReturn(streamOf(""))
        .willSetStateTo("whole"));
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .inScenario("garbled")
        .whenScenarioStateIs("whole")
        .willReturn(streamedAnswer(false)));
    Recorder r = new Recorder();

    gateway.stream(request(), r);

    assertThat(await(r).text()).isEqualTo("Hello world.");
    assertThat(String.join("", r.texts)).isEqualTo("Hello world.");
    assertThat(r.endings).hasValue(1);
    server.verify(3, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void aStreamThatStallsAfterItsFirstTextIsCutByTheWatchdogAndNotRetried() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    HttpServer stalling = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stalling.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    stalling.createContext("/", exchange -> {
      calls.incrementAndGet();
      exchange.getResponseHeaders().add("Content-Type", contentType());
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(opening().getBytes(StandardCharsets.UTF_8));
        body.flush();
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException | IOException e) {
        Thread.currentThread().interrupt();
      }
    });
    stalling.start();
    try {
      Recorder r = new Recorder();
      long started = System.nanoTime();

      gateway.stream(
          ChatCompletionRequest.of(
              endpoint("http://127.0.0.1:" + stalling.getAddress().getPort()),
              request().messages()),
          r);
      UpstreamFailureException failure = r.failure();

      assertThat(failure.retryable()).isTrue();
      assertThat(failure.getMessage()).contains("timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
      assertThat(r.delivered).isTrue();
      assertThat(String.join("", r.texts)).isEqualTo("Hel");
      Thread.sleep(2000);
      assertThat(r.endings).hasValue(1);
      assertThat(calls).hasValue(1);
    } finally {
      release.countDown();
      stalling.stop(0);
    }
  }

  @Test
  void aStalledProviderTimesOutAsRetryable() {
    gateway = new Langchain4jChatModelGateway(
        Duration.ofMillis(400), 2, Duration.ofMillis(20), Duration.ofMillis(50), 1000);
    server.stubFor(
        post(urlPathEqualTo(streamPath())).willReturn(streamedAnswer(false).withFixedDelay(3000)));

    assertThatThrownBy(() -> gateway.complete(request()))
        .isInstanceOfSatisfying(
            UpstreamFailureException.class, e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void aHelperCallGivesUpAsSoonAsItsCallerStops() throws Exception {
    withSlowWatchdog();
    server.stubFor(post(urlPathEqualTo(streamPath()))
        .willReturn(streamedAnswer(false).withChunkedDribbleDelay(40, 6000)));
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<Throwable> thrown = CompletableFuture.supplyAsync(() -> {
      try {
        gateway.complete(request(), stop::get);
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });

    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.findAll(postRequestedFor(urlPathEqualTo(streamPath()))).isEmpty()
        && System.nanoTime() < waitUntil) {
      Thread.sleep(20);
    }
    long stopped = System.nanoTime();
    stop.set(true);

    assertThat(thrown.get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(1));
    server.verify(1, postRequestedFor(urlPathEqualTo(streamPath())));
  }

  @Test
  void cancellingStopsTheStream() throws Exception {
    gateway = new Langchain4jChatModelGateway(
        Duration.ofSeconds(20), 2, Duration.ofMillis(20), Duration.ofMillis(50), 1000);
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
