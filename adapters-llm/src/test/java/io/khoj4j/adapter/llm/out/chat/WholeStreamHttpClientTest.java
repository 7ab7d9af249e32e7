package io.khoj4j.adapter.llm.out.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class WholeStreamHttpClientTest {

  /**
   * An answer whose headers are already there when the caller attaches its reader is still read on a thread of its
   * own: read on the caller's thread, a silent stream would hold it (for a retry, the gateway's one scheduler thread,
   * which every watchdog needs) until the provider spoke again.
   */
  @Test
  void anAnswerAlreadyThereIsReadOffTheCallersThread() throws Exception {
    PipedOutputStream provider = new PipedOutputStream();
    PipedInputStream body = new PipedInputStream(provider);
    WholeStreamHttpClient client =
        WholeStreamHttpClient.over(new AnsweredAtOnce(body), StreamEnd.OPENAI);
    CompletableFuture<String> openedOn = new CompletableFuture<>();
    CompletableFuture<String> firstEvent = new CompletableFuture<>();
    ServerSentEventListener listener = new ServerSentEventListener() {
      @Override
      public void onOpen(SuccessfulHttpResponse response) {
        openedOn.complete(Thread.currentThread().getName());
      }

      @Override
      public void onEvent(ServerSentEvent event) {
        firstEvent.complete(event.data());
      }

      @Override
      public void onError(Throwable error) {}
    };
    HttpRequest request = HttpRequest.builder()
        .method(HttpMethod.POST)
        .url("http://127.0.0.1:1/v1/chat/completions")
        .body("{}")
        .build();

    CompletableFuture<Void> execute = CompletableFuture.runAsync(
        () -> client.execute(request, new DefaultServerSentEventParser(), listener));

    execute.get(5, TimeUnit.SECONDS); // returns while the provider is still silent
    assertThat(openedOn.get(5, TimeUnit.SECONDS)).startsWith("model-stream-");
    provider.write("data: {\"x\":1}\n\n".getBytes(StandardCharsets.UTF_8));
    provider.flush();
    assertThat(firstEvent.get(5, TimeUnit.SECONDS)).isEqualTo("{\"x\":1}");
    provider.close();
  }

  /** A JDK client whose answer (200, then the given body) is complete by the time it is sent. */
  private static final class AnsweredAtOnce extends HttpClient {
    private final InputStream body;

    AnsweredAtOnce(InputStream body) {
      this.body = body;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        java.net.http.HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return CompletableFuture.completedFuture((HttpResponse<T>) new Answer(request, body));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        java.net.http.HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> push) {
      return sendAsync(request, handler);
    }

    @Override
    public <T> HttpResponse<T> send(
        java.net.http.HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
      throw new IOException("streams only");
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
      return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
      return null;
    }

    @Override
    public SSLParameters sslParameters() {
      return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return Optional.empty();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
      return Optional.empty();
    }
  }

  private record Answer(java.net.http.HttpRequest request, InputStream body)
      implements HttpResponse<InputStream> {
    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public Optional<HttpResponse<InputStream>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return HttpHeaders.of(
          Map.of("content-type", java.util.List.of("text/event-stream")), (a, b) -> true);
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
