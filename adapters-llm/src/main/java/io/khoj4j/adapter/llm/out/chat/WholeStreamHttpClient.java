package io.khoj4j.adapter.llm.out.chat;

import dev.langchain4j.exception.LangChain4jException;
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
import java.time.Duration;

/**
 * The HTTP client under LangChain4j's vendor clients, checking that every stream is whole before the vendor client
 * may call it complete. A stream that closes before the vendor's {@link StreamEnd} marker, or a frame that the vendor
 * client (or the marker check) cannot read, becomes a {@link BrokenStreamException} through the vendor client's own
 * {@code onError}, and nothing more of that stream is passed on.
 */
final class WholeStreamHttpClient implements HttpClient {

  private final HttpClient delegate;
  private final StreamEnd end;

  private WholeStreamHttpClient(HttpClient delegate, StreamEnd end) {
    this.delegate = delegate;
    this.end = end;
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
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    delegate.execute(request, parser, new Checked(listener, end));
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
      return new WholeStreamHttpClient(delegate.build(), end);
    }
  }

  /** Sits between the frame parser and the vendor client's listener. Called from one parsing thread. */
  static final class Checked implements ServerSentEventListener {

    private final ServerSentEventListener vendor;
    private final StreamEnd end;
    private volatile boolean sawEnd;
    private volatile boolean failed;
    private volatile ServerSentEventParsingHandle parsing;

    Checked(ServerSentEventListener vendor, StreamEnd end) {
      this.vendor = vendor;
      this.end = end;
    }

    @Override
    public void onOpen(SuccessfulHttpResponse response) {
      vendor.onOpen(response);
    }

    @Override
    public void onEvent(ServerSentEvent event) {
      onEvent(event, new ServerSentEventContext(new CancellationUnsupportedHandle()));
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
      parsing = context.parsingHandle();
      if (failed || event.data() == null || event.data().isBlank()) {
        return;
      }
      try {
        if (end.isEnd(event)) {
          sawEnd = true;
        }
      } catch (BrokenStreamException | LangChain4jException e) {
        fail(e);
        return;
      }
      try {
        vendor.onEvent(event, context);
      } catch (RuntimeException e) {
        fail(new BrokenStreamException(BrokenStreamException.Kind.MALFORMED,
            "the model provider sent a frame that could not be read", e));
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
        fail(new BrokenStreamException(BrokenStreamException.Kind.TRUNCATED,
            "the model provider's answer broke off before its end", null));
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
