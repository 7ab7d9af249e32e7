package io.khoj4j.adapter.llm.out.chat;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.CancellationUnsupportedHandle;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEventParsingHandle;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The HTTP client under LangChain4j's vendor clients, checking that every stream is whole before the vendor client
 * may call it complete. A stream that closes before the vendor's {@link StreamEnd} marker, or a frame that the vendor
 * client (or the marker check) cannot read, becomes a {@link BrokenStreamException} through the vendor client's own
 * {@code onError}, and nothing more of that stream is passed on.
 *
 * <p>Streams are sent here on the JDK's {@link java.net.http.HttpClient} rather than through LangChain4j's JDK client,
 * because that client keeps the request's future to itself: a stream that has not yet sent its headers or its first
 * frame could not be stopped, and its connection stayed open after the caller gave up. Each stream has an
 * {@link Exchange}, the off switch of the caller that started it, which cancels the request's future (before the
 * headers) or closes the body (after them); either closes the connection to the vendor.
 */
final class WholeStreamHttpClient implements HttpClient {

  private static final int MAX_ERROR_BODY = 64 * 1024;

  /**
   * Reads each answer on a virtual thread of its own. Never on the caller's: an answer already there when the caller
   * attaches its reader would otherwise be read to its end on the caller's thread, and a retry starts its call on the
   * gateway's one scheduler thread, which every watchdog and retry of the process also needs.
   */
  private static final Executor READERS = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("model-stream-", 0).factory());

  private final HttpClient delegate;
  private final java.net.http.HttpClient http;
  private final Duration readTimeout;
  private final StreamEnd end;

  private WholeStreamHttpClient(
      HttpClient delegate, java.net.http.HttpClient http, Duration readTimeout, StreamEnd end) {
    this.delegate = delegate;
    this.http = http;
    this.readTimeout = readTimeout;
    this.end = end;
  }

  /** Streams over {@code http} (tests: a JDK client whose answer is already there when it is sent). */
  static WholeStreamHttpClient over(java.net.http.HttpClient http, StreamEnd end) {
    return new WholeStreamHttpClient(null, http, null, end);
  }

  /** A builder for the vendor model builders' {@code httpClientBuilder(…)}, over LangChain4j's default client. */
  static HttpClientBuilder builder(StreamEnd end) {
    return new Builder(HttpClientBuilderLoader.loadHttpClientBuilder(), end);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    return delegate.execute(request);
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    Exchange exchange = Exchange.claim();
    Checked checked = new Checked(listener, end, exchange);
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      delegate.execute(request, parser, checked);
      return;
    }
    java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(
            URI.create(request.url()))
        .method(
            request.method().name(),
            request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    request.headers().forEach((name, values) -> {
      if (values != null) {
        values.forEach(value -> jdk.header(name, value));
      }
    });
    if (readTimeout != null) {
      jdk.timeout(readTimeout);
    }
    CompletableFuture<HttpResponse<InputStream>> response =
        http.sendAsync(jdk.build(), HttpResponse.BodyHandlers.ofInputStream());
    exchange.sent(response);
    response.whenCompleteAsync(
        (answer, error) -> {
          if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
            if (!exchange.isCancelled()) {
              checked.onError(
                  cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause);
            }
            return;
          }
          read(answer, exchange, parser, checked);
        },
        READERS);
  }

  /** Reads one answer on a thread of {@link #READERS}; the body is closed at the end or by the exchange's cancel. */
  private static void read(
      HttpResponse<InputStream> answer,
      Exchange exchange,
      ServerSentEventParser parser,
      Checked checked) {
    try (InputStream body = answer.body()) {
      exchange.reading(body);
      if (exchange.isCancelled()) {
        return;
      }
      if (answer.statusCode() < 200 || answer.statusCode() >= 300) {
        String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        answer
            .headers()
            .firstValue("Retry-After")
            .flatMap(value -> RetryAfter.parse(value, Instant.now()))
            .ifPresent(exchange::askedToWait);
        checked.onError(new HttpException(answer.statusCode(), text));
        return;
      }
      checked.onOpen(SuccessfulHttpResponse.builder()
          .statusCode(answer.statusCode())
          .headers(answer.headers().map())
          .build());
      parser.parse(body, checked);
      checked.onClose();
    } catch (IOException | RuntimeException e) {
      if (!exchange.isCancelled()) {
        checked.onError(e);
      }
    }
  }

  /**
   * The off switch of one streamed exchange. The caller creates it and starts the vendor call inside
   * {@link #run(Exchange, Runnable)}; the vendor client sends its request on that thread, so the exchange it sends is
   * tied to this switch. {@link #cancel()} closes the connection whatever the exchange is doing: waiting for the
   * headers (the request's future is cancelled) or reading the stream (the body is closed). A switch turned off
   * before the request went out stops it as soon as it is sent.
   *
   * <p>It also keeps what the wire said that LangChain4j's vendor clients drop: the {@code Retry-After} of an error
   * response (their {@link HttpException} carries no headers) and an ending that the vendor client reports wrongly,
   * such as a refusal read as an ordinary end ({@link StreamEnd#statedEnding}). Both are written before the vendor
   * client hears of the error or the end, so the caller sees them when that reaches it.
   */
  static final class Exchange {

    private static final ThreadLocal<Exchange> STARTING = new ThreadLocal<>();

    private volatile boolean cancelled;
    private volatile CompletableFuture<?> response;
    private volatile InputStream body;
    private volatile Duration retryAfter;
    private volatile ChatCompletion.Ending statedEnding;
    /** When the provider last sent anything at all (headers, any event, a keep-alive {@code ping} included). */
    private volatile long lastHeard = System.nanoTime();

    /** Runs {@code start} (a vendor client's call) with this exchange as the one its request belongs to. */
    static void run(Exchange exchange, Runnable start) {
      Exchange outer = STARTING.get();
      STARTING.set(exchange);
      try {
        start.run();
      } finally {
        if (outer == null) {
          STARTING.remove();
        } else {
          STARTING.set(outer);
        }
      }
    }

    /** The exchange the current vendor call runs under (only its first request), or a fresh one nobody holds. */
    static Exchange claim() {
      Exchange exchange = STARTING.get();
      if (exchange == null) {
        return new Exchange();
      }
      STARTING.remove();
      return exchange;
    }

    boolean isCancelled() {
      return cancelled;
    }

    /** The wait the provider's error response asked for, if it named one that could be read. */
    Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }

    void askedToWait(Duration wait) {
      retryAfter = wait;
    }

    /** {@link System#nanoTime()} when the provider last sent something. */
    long lastHeard() {
      return lastHeard;
    }

    void heard() {
      lastHeard = System.nanoTime();
    }

    /** How the stream itself said the answer ended, where the vendor client reports it wrongly. */
    Optional<ChatCompletion.Ending> statedEnding() {
      return Optional.ofNullable(statedEnding);
    }

    void stated(ChatCompletion.Ending ending) {
      statedEnding = ending;
    }

    void cancel() {
      cancelled = true;
      stop(response, body);
    }

    void sent(CompletableFuture<?> pending) {
      response = pending;
      if (cancelled) {
        stop(pending, null);
      }
    }

    void reading(InputStream stream) {
      body = stream;
      if (cancelled) {
        stop(null, stream);
      }
    }

    private static void stop(CompletableFuture<?> pending, InputStream stream) {
      if (pending != null) {
        pending.cancel(true);
      }
      if (stream != null) {
        try {
          stream.close();
        } catch (IOException | RuntimeException ignored) {
          // the connection is being dropped either way
        }
      }
    }
  }

  private static final class Builder implements HttpClientBuilder {

    private final HttpClientBuilder delegate;
    private final StreamEnd end;

    Builder(HttpClientBuilder delegate, StreamEnd end) {
      this.delegate = delegate;
      this.end = end;
    }

    @Override
    public Duration connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
      delegate.connectTimeout(timeout);
      return this;
    }

    @Override
    public Duration readTimeout() {
      return delegate.readTimeout();
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
      delegate.readTimeout(timeout);
      return this;
    }

    @Override
    public HttpClient build() {
      java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder();
      if (delegate.connectTimeout() != null) {
        http.connectTimeout(delegate.connectTimeout());
      }
      return new WholeStreamHttpClient(delegate.build(), http.build(), delegate.readTimeout(), end);
    }
  }

  /** Sits between the frame parser and the vendor client's listener. Called from one parsing thread. */
  static final class Checked implements ServerSentEventListener {

    private final ServerSentEventListener vendor;
    private final StreamEnd end;
    private final Exchange exchange;
    private volatile boolean sawEnd;
    private volatile boolean failed;
    private volatile ServerSentEventParsingHandle parsing;

    Checked(ServerSentEventListener vendor, StreamEnd end, Exchange exchange) {
      this.vendor = vendor;
      this.end = end;
      this.exchange = exchange;
    }

    @Override
    public void onOpen(SuccessfulHttpResponse response) {
      exchange.heard();
      vendor.onOpen(response);
    }

    @Override
    public void onEvent(ServerSentEvent event) {
      onEvent(event, new ServerSentEventContext(new CancellationUnsupportedHandle()));
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
      exchange.heard(); // a provider that pings while the model thinks unseen is not silent
      parsing = context.parsingHandle();
      if (failed || event.data() == null || event.data().isBlank()) {
        return;
      }
      try {
        if (end.isEnd(event)) {
          sawEnd = true;
        }
        end.statedEnding(event).ifPresent(exchange::stated);
      } catch (BrokenStreamException | LangChain4jException e) {
        fail(e);
        return;
      }
      try {
        vendor.onEvent(event, context);
      } catch (RuntimeException e) {
        fail(new BrokenStreamException(
            BrokenStreamException.Kind.MALFORMED,
            "the model provider sent a frame that could not be read",
            e));
      }
    }

    @Override
    public void onError(Throwable error) {
      if (!failed) {
        failed = true;
        vendor.onError(error);
      }
    }

    @Override
    public void onClose() {
      if (failed) {
        return;
      }
      ServerSentEventParsingHandle handle = parsing;
      if (sawEnd || handle != null && handle.isCancelled()) {
        vendor.onClose();
      } else {
        fail(new BrokenStreamException(
            BrokenStreamException.Kind.TRUNCATED,
            "the model provider's answer broke off before its end",
            null));
      }
    }

    private void fail(RuntimeException error) {
      failed = true;
      ServerSentEventParsingHandle handle = parsing;
      if (handle != null) {
        handle.cancel();
      }
      vendor.onError(error);
    }
  }
}
