package io.khoj4j.adapter.llm.out.chat;

import static io.khoj4j.adapter.llm.out.chat.SilentModelServer.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatStream;
import io.khoj4j.application.port.out.chat.ChatStreamListener;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.chat.PromptMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 25, item 2: a model call that is given up (the caller cancels it, or the provider stays silent past the
 * time-out) closes its connection to the provider, at every stage and for every vendor, and is not tried again once
 * cancelled. Against a server that keeps every connection open until the client closes it and counts them.
 */
@Tag("faults")
class ProviderConnectionsTest {

  private static ChatModelEndpoint endpoint(ModelVendor vendor, String url) {
    return switch (vendor) {
      case OPENAI ->
        new ChatModelEndpoint(vendor, "gpt-4o-mini", url + "/v1", "sk-test", 4096, false);
      case ANTHROPIC ->
        new ChatModelEndpoint(
            vendor, "claude-sonnet-4-0", url + "/v1/", "sk-ant-test", 4096, false);
      case GOOGLE ->
        new ChatModelEndpoint(
            vendor, "gemini-2.5-flash", url + "/v1beta", "AIza-test", 4096, false);
      case OLLAMA -> new ChatModelEndpoint(vendor, "llama3.2", url, "", 4096, false);
    };
  }

  private static ChatCompletionRequest request(ModelVendor vendor, SilentModelServer server) {
    return ChatCompletionRequest.of(
        endpoint(vendor, server.baseUrl()), List.of(new PromptMessage.User("Hello")));
  }

  /** A gateway whose watchdog waits far longer than any test, with quick retries that would show at once. */
  private static Langchain4jChatModelGateway patientGateway() {
    return new Langchain4jChatModelGateway(
        Duration.ofSeconds(60), 3, Duration.ofMillis(1), Duration.ofMillis(5), 1000);
  }

  @ParameterizedTest
  @EnumSource(ModelVendor.class)
  void cancellingACallThatGotNoHeadersYetClosesItsConnection(ModelVendor vendor) throws Exception {
    try (SilentModelServer server =
        new SilentModelServer(SilentModelServer.Silence.BEFORE_HEADERS)) {
      Ending ending = new Ending();
      ChatStream stream = patientGateway().stream(request(vendor, server), ending);
      await(() -> server.requests.get() == 1);
      assertThat(server.openConnections)
          .as("the request is waiting for its answer")
          .hasValue(1);

      stream.cancel();
      await(() -> server.openConnections.get() == 0);

      assertThat(server.openConnections).as("connections left open").hasValue(0);
      assertThat(server.requests).as("no call after the cancel").hasValue(1);
      assertThat(ending.count).as("a cancelled call reports nothing").hasValue(0);
    }
  }

  @ParameterizedTest
  @EnumSource(ModelVendor.class)
  void cancellingASilentStreamBeforeItsFirstFrameClosesItsConnection(ModelVendor vendor)
      throws Exception {
    try (SilentModelServer server =
        new SilentModelServer(SilentModelServer.Silence.AFTER_HEADERS)) {
      Ending ending = new Ending();
      ChatStream stream = patientGateway().stream(request(vendor, server), ending);
      await(() -> server.requests.get() == 1);

      stream.cancel();
      await(() -> server.openConnections.get() == 0);

      assertThat(server.openConnections).as("connections left open").hasValue(0);
      assertThat(server.requests).as("no call after the cancel").hasValue(1);
      assertThat(ending.count).hasValue(0);
    }
  }

  static Stream<Arguments> vendorsAndSilences() {
    return Stream.of(ModelVendor.values())
        .flatMap(vendor -> Stream.of(SilentModelServer.Silence.values())
            .map(silence -> Arguments.of(vendor, silence)));
  }

  @ParameterizedTest
  @MethodSource("vendorsAndSilences")
  void everyAttemptThatTimesOutClosesItsConnection(
      ModelVendor vendor, SilentModelServer.Silence silence) throws Exception {
    try (SilentModelServer server = new SilentModelServer(silence)) {
      Langchain4jChatModelGateway gateway = new Langchain4jChatModelGateway(
          Duration.ofMillis(300), 1, Duration.ofMillis(1), Duration.ofMillis(5), 1000);
      Ending ending = new Ending();
      gateway.stream(request(vendor, server), ending);

      UpstreamFailureException failure = ending.failure.get(20, TimeUnit.SECONDS);
      await(() -> server.openConnections.get() == 0);

      assertThat(failure.retryable()).isTrue();
      assertThat(server.requests).as("the first attempt and one retry").hasValue(2);
      assertThat(server.openConnections)
          .as("connections left open after the time-outs")
          .hasValue(0);
    }
  }

  @ParameterizedTest
  @EnumSource(ModelVendor.class)
  void aHelperCallWhoseCallerLeftClosesItsConnection(ModelVendor vendor) throws Exception {
    try (SilentModelServer server = new SilentModelServer(SilentModelServer.Silence.AFTER_HEADERS);
        ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
      Langchain4jChatModelGateway gateway = patientGateway();
      AtomicBoolean left = new AtomicBoolean();
      Future<ChatCompletion> answer =
          caller.submit(() -> gateway.complete(request(vendor, server), left::get));
      await(() -> server.requests.get() == 1);

      left.set(true);

      assertThatThrownBy(() -> answer.get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(CancellationException.class);
      await(() -> server.openConnections.get() == 0);
      assertThat(server.openConnections).as("connections left open").hasValue(0);
      assertThat(server.requests).as("no call after the caller left").hasValue(1);
    }
  }

  private static final class Ending implements ChatStreamListener {
    final AtomicInteger count = new AtomicInteger();
    final CompletableFuture<UpstreamFailureException> failure = new CompletableFuture<>();

    @Override
    public void onText(String delta) {}

    @Override
    public void onThought(String delta) {}

    @Override
    public void onComplete(ChatCompletion completion) {
      count.incrementAndGet();
    }

    @Override
    public void onError(UpstreamFailureException error, boolean deliveredAnything) {
      count.incrementAndGet();
      failure.complete(error);
    }
  }
}
