package io.khoj4j.adapter.llm.out.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.adapter.llm.out.SharedJson;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatModelDiscovery;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET {baseUrl}/models} of an OpenAI-compatible server (OpenAI, Ollama's /v1, vLLM, llama.cpp, LM Studio),
 * which answers {@code {"object":"list","data":[{"id":…,"object":"model",…}]}}. The whole exchange, body included, is
 * bounded by one time-out; anything but such a list is an {@link UpstreamFailureException}.
 */
@ApplicationScoped
public class OpenAiCompatibleModelDiscovery implements ChatModelDiscovery {

  private static final ObjectMapper JSON = SharedJson.MAPPER;
  private final HttpClient http;
  private final Duration timeout;

  public OpenAiCompatibleModelDiscovery() {
    this(Duration.ofSeconds(5), Duration.ofSeconds(15));
  }

  OpenAiCompatibleModelDiscovery(Duration connectTimeout, Duration timeout) {
    this.http = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.timeout = timeout;
  }

  @Override
  public List<String> listModels(String baseUrl, String apiKey) {
    String url = baseUrl.endsWith("/") ? baseUrl + "models" : baseUrl + "/models";
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(url))
          .timeout(timeout)
          .header("Accept", "application/json")
          .GET();
    } catch (IllegalArgumentException e) {
      throw new UpstreamFailureException("not a model server URL: " + baseUrl, false, e);
    }
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    CompletableFuture<HttpResponse<String>> call =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> response;
    try {
      response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new UpstreamFailureException(
          "listing the models of " + baseUrl + " timed out", true, e);
    } catch (ExecutionException e) {
      boolean timedOut = e.getCause() instanceof java.net.http.HttpTimeoutException;
      throw new UpstreamFailureException(
          (timedOut
              ? "listing the models of " + baseUrl + " timed out"
              : "could not list the models of " + baseUrl),
          true,
          e.getCause());
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new UpstreamFailureException("interrupted while listing models", true, e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new UpstreamFailureException(
          "listing the models of " + baseUrl + " answered HTTP " + status,
          status >= 500 || status == 429 || status == 408,
          null);
    }
    return ids(baseUrl, response.body());
  }

  private static List<String> ids(String baseUrl, String body) {
    JsonNode data;
    try {
      data = JSON.readTree(body).path("data");
    } catch (JsonProcessingException e) {
      throw new UpstreamFailureException(baseUrl + " did not answer with a model list", false, e);
    }
    if (!data.isArray()) {
      throw new UpstreamFailureException(
          baseUrl + " did not answer with a model list", false, null);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode model : data) {
      String id = model.path("id").isTextual() ? model.get("id").asText().strip() : "";
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return new ArrayList<>(ids);
  }
}
