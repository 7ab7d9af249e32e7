package io.khoj4j.adapter.connector.out.web.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.adapter.connector.out.SharedJson;
import io.khoj4j.application.error.UpstreamFailureException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Calls to the web search and reader vendors, at addresses the operator configured (never a user's URL: those go
 * through the {@code UrlFetcher}). Every failure becomes an {@link UpstreamFailureException} naming the vendor:
 * a refused key (401/403), rate limiting (429, with its Retry-After), other statuses, time-outs, unreachable hosts
 * and unreadable bodies. Nothing is retried here: the chat falls back to the next provider instead of waiting.
 * No answer is read past {@link #MAX_ANSWER_BYTES} (a sandbox's output file, a vendor gone wrong): the heap is the
 * server's.
 */
public final class VendorHttp {

  private static final ObjectMapper JSON = SharedJson.MAPPER;

  /** The most of one answer that is read. */
  public static final long MAX_ANSWER_BYTES = 32L * 1024 * 1024;

  private final HttpClient http;
  private final Duration timeout;

  public VendorHttp(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** POSTs {@code body} as JSON and reads a JSON answer. */
  public JsonNode postJson(String vendor, URI uri, Map<String, String> headers, Object body) {
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return parse(vendor, send(vendor, request.build()));
  }

  /** GETs a JSON answer. */
  public JsonNode getJson(String vendor, URI uri, Map<String, String> headers) {
    return parse(vendor, getText(vendor, uri, headers, "application/json"));
  }

  /** GETs a text answer (HTML, Markdown). */
  public String getText(String vendor, URI uri, Map<String, String> headers, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET();
    headers.forEach(request::header);
    return send(vendor, request.build());
  }

  /**
   * POSTs a body of the given type and reads the answer as text, waiting up to {@code timeout} (longer than the
   * client's default for calls that run something, such as a program).
   */
  public String postText(
      String vendor,
      URI uri,
      Map<String, String> headers,
      String contentType,
      byte[] body,
      Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(vendor, request.build());
  }

  /** GETs the answer's bytes, up to {@link #MAX_ANSWER_BYTES}. */
  public byte[] getBytes(String vendor, URI uri, Map<String, String> headers) {
    return getBytesAtMost(vendor, uri, headers, MAX_ANSWER_BYTES)
        .orElseThrow(() -> new UpstreamFailureException(
            vendor + " sent more than " + MAX_ANSWER_BYTES / (1024 * 1024) + " MB", false, null));
  }

  /** GETs the answer's bytes; empty when there are more than {@code maxBytes} (the rest is not read). */
  public java.util.Optional<byte[]> getBytesAtMost(
      String vendor, URI uri, Map<String, String> headers, long maxBytes) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    headers.forEach(request::header);
    return readAtMost(
        vendor, send(vendor, request.build(), HttpResponse.BodyHandlers.ofInputStream()), maxBytes);
  }

  private static java.util.Optional<byte[]> readAtMost(
      String vendor, java.io.InputStream body, long maxBytes) {
    try (body) {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      return bytes.length > maxBytes ? java.util.Optional.empty() : java.util.Optional.of(bytes);
    } catch (IOException e) {
      throw new UpstreamFailureException(
          vendor + "'s answer could not be read (" + e.getClass().getSimpleName() + ")", true, e);
    }
  }

  /** DELETEs; any 2xx answer is success. */
  public void delete(String vendor, URI uri, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).DELETE();
    headers.forEach(request::header);
    send(vendor, request.build());
  }

  /** {@code body} as JSON bytes, for {@link #postText}. */
  public static byte[] jsonBytes(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Reads a JSON object answer of {@link #postText} or another call. */
  public static JsonNode json(String vendor, String body) {
    return parse(vendor, body);
  }

  private String send(String vendor, HttpRequest request) {
    byte[] body = readAtMost(
            vendor,
            send(vendor, request, HttpResponse.BodyHandlers.ofInputStream()),
            MAX_ANSWER_BYTES)
        .orElseThrow(() -> new UpstreamFailureException(
            vendor + " sent more than " + MAX_ANSWER_BYTES / (1024 * 1024) + " MB", false, null));
    return new String(body, StandardCharsets.UTF_8);
  }

  private <T> T send(String vendor, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    HttpResponse<T> response;
    Duration waited = request.timeout().orElse(timeout);
    try {
      response = http.send(request, handler);
    } catch (HttpTimeoutException e) {
      throw new UpstreamFailureException(
          vendor + " did not answer within " + waited.toSeconds() + " s", true, e);
    } catch (IOException e) {
      throw new UpstreamFailureException(
          vendor + " could not be reached (" + e.getClass().getSimpleName() + ")", true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamFailureException(vendor + " call was interrupted", false, e);
    }
    int status = response.statusCode();
    String why = "";
    if (status < 200 || status > 299) {
      why = errorReason(response.body()).map(r -> ": " + r).orElse("");
    }
    if (status == 401 || status == 403) {
      throw new UpstreamFailureException(
          vendor + " refused the API key (" + status + why + ")", false, null);
    }
    if (status == 429) {
      String after = response
          .headers()
          .firstValue("Retry-After")
          .map(v -> ", retry after " + v.strip() + (v.strip().matches("\\d+") ? " s" : ""))
          .orElse("");
      throw new UpstreamFailureException(
          vendor + " is rate-limiting this server (429" + after + why + ")", true, null);
    }
    if (status < 200 || status > 299) {
      throw new UpstreamFailureException(
          vendor + " failed with status " + status + why, status >= 500, null);
    }
    return response.body();
  }

  /** How long an error's body is waited for; closing the stream then ends the read. */
  static final Duration ERROR_READ_WAIT = Duration.ofSeconds(2);

  private static final ExecutorService ERROR_READERS = Executors.newVirtualThreadPerTaskExecutor();

  /** The most of an error's body read for its reason. */
  static final int MAX_ERROR_BYTES = 4096;

  /** The most of a vendor's reason passed on (it reaches logs, the user's status lines and the model's context). */
  static final int MAX_REASON_CHARS = 200;

  /**
   * What a vendor said in an error's body, on one line: the {@code message}, {@code error} (text, or an object's
   * {@code message}) or {@code detail} of a JSON body (Serper, Google, Exa, Firecrawl, E2B, OpenAI-style APIs), else a
   * short plain text; not an HTML page. A streamed body is read up to a few KB and closed, so the connection goes back.
   */
  static Optional<String> errorReason(Object body) {
    String text;
    if (body instanceof InputStream in) {
      // a vendor that sends its error's headers and then stalls is not waited for long
      Future<byte[]> read = ERROR_READERS.submit(() -> in.readNBytes(MAX_ERROR_BYTES));
      try (in) {
        text = new String(
            read.get(ERROR_READ_WAIT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      } catch (ExecutionException | TimeoutException | IOException e) {
        read.cancel(true);
        return Optional.empty();
      }
    } else if (body instanceof byte[] bytes) {
      text = new String(bytes, 0, Math.min(bytes.length, MAX_ERROR_BYTES), StandardCharsets.UTF_8);
    } else if (body instanceof String string) {
      text = string;
    } else {
      return Optional.empty();
    }
    String reason = text.strip();
    try {
      JsonNode node = JSON.readTree(reason);
      if (node != null && node.isObject()) {
        JsonNode error = node.path("error");
        reason = Stream.of(
                node.path("message"),
                error.isObject() ? error.path("message") : error,
                node.path("detail"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText)
            .filter(t -> !t.isBlank())
            .findFirst()
            .orElse("");
      }
    } catch (JsonProcessingException notJson) {
      if (reason.startsWith("<")) { // an HTML error page says nothing worth passing on
        return Optional.empty();
      }
    }
    reason = reason.replaceAll("\\s+", " ").strip();
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason);
  }

  private static JsonNode parse(String vendor, String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new UpstreamFailureException(
            vendor + " sent an answer that is not a JSON object", false, null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new UpstreamFailureException(vendor + " sent an unreadable answer", false, e);
    }
  }

  /** A text field of a JSON node; empty when absent or not text. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }
}
