package io.khoj4j.adapter.llm.out.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.adapter.llm.out.SharedJson;
import io.khoj4j.application.error.UpstreamFailureException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One HTTP call to a voice provider, with the failures sorted the same way for all of them: a time-out, an unreachable
 * server, 429 and 5xx are temporary ({@code retryable}: 503 to the client); any other non-2xx is a refusal (502). The
 * provider's own error text is logged for the operator, not sent to the user. No call is retried: the user is waiting
 * and may simply try again.
 */
final class VoiceHttp {

  static final ObjectMapper JSON = SharedJson.MAPPER;
  private static final Logger LOG = Logger.getLogger(VoiceHttp.class);

  private final HttpClient http;
  private final String provider;
  private final Duration timeout;

  VoiceHttp(String provider, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.provider = provider;
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  /** Sends the request (its time-out set here) and returns a 2xx response; anything else is thrown. */
  HttpResponse<byte[]> send(HttpRequest.Builder request) {
    HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw failure(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }
    return response;
  }

  /**
   * Like {@link #send}, but returns as soon as a 2xx answer's headers are in: its body is read as it arrives. The
   * time-out covers the wait for the answer, not the reading of the body. A refusal's body (its first 4 KiB) is read
   * for the log.
   */
  HttpResponse<InputStream> stream(HttpRequest.Builder request) {
    HttpResponse<InputStream> response =
        exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() / 100 == 2) {
      return response;
    }
    String body;
    try (InputStream in = response.body()) {
      body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    } catch (IOException e) {
      body = "(unreadable: " + e.getMessage() + ")";
    }
    throw failure(response.statusCode(), body);
  }

  private <T> HttpResponse<T> exchange(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request.timeout(timeout).build(), handler);
    } catch (HttpTimeoutException e) {
      throw new UpstreamFailureException(
          "The " + provider + " server did not answer in time", true, e);
    } catch (IOException e) {
      throw new UpstreamFailureException(
          "The " + provider + " server could not be reached", true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamFailureException(
          "Interrupted while waiting for the " + provider + " server", true, e);
    }
  }

  private UpstreamFailureException failure(int status, String body) {
    LOG.warnf(
        "%s answered HTTP %d: %s",
        provider, status, body.length() > 500 ? body.substring(0, 500) : body);
    if (status == 429) {
      return new UpstreamFailureException(
          "The " + provider + " server is rate limiting requests (HTTP 429)", true, null);
    }
    boolean temporary = status >= 500;
    return new UpstreamFailureException(
        "The " + provider + " server " + (temporary ? "failed" : "refused the request") + " (HTTP "
            + status + ")",
        temporary,
        null);
  }

  /** The body as JSON, or a refusal-kind failure saying the answer is malformed. */
  JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw malformed("is not JSON", e);
    }
  }

  UpstreamFailureException malformed(String what, Throwable cause) {
    return new UpstreamFailureException(
        "The " + provider + " server's answer " + what, false, cause);
  }
}
