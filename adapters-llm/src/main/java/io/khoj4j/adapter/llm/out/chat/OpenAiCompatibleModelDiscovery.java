package io.khoj4j.adapter.llm.out.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatModelDiscovery;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code GET {baseUrl}/models} of an OpenAI-compatible server (Ollama's /v1, vLLM, llama.cpp, LM Studio). */
@ApplicationScoped
public class OpenAiCompatibleModelDiscovery implements ChatModelDiscovery {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public List<String> listModels(String baseUrl, String apiKey) {
    String url = baseUrl.endsWith("/") ? baseUrl + "models" : baseUrl + "/models";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET();
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new UpstreamFailureException("listing models answered HTTP " + response.statusCode(),
            response.statusCode() >= 500 || response.statusCode() == 429, null);
      }
      List<String> ids = new ArrayList<>();
      for (JsonNode model : JSON.readTree(response.body()).path("data")) {
        if (model.hasNonNull("id")) {
          ids.add(model.get("id").asText());
        }
      }
      return ids;
    } catch (IOException e) {
      throw new UpstreamFailureException("could not list the models of " + baseUrl, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamFailureException("interrupted", true, e);
    }
  }
}
