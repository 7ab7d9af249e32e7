package io.khoj4j.adapter.llm.out.rerank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khoj4j.adapter.llm.out.SharedJson;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.search.Reranker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cross-encoder behind a standard {@code /rerank} HTTP API. Two dialects:
 *
 * <ul>
 *   <li>{@code cohere} — Cohere, Infinity, Jina, vLLM: {@code {"model","query","documents","top_n"}} →
 *       {@code {"results":[{"index","relevance_score"}]}};
 *   <li>{@code tei} — Hugging Face Text Embeddings Inference: {@code {"query","texts","raw_scores":false}} →
 *       {@code [{"index","score"}]}.
 * </ul>
 *
 * A 429 or 5xx is retried once after a short pause; then the failure is reported.
 */
public final class HttpReranker implements Reranker {

  public enum Dialect {
    COHERE,
    TEI
  }

  private static final ObjectMapper JSON = SharedJson.MAPPER;

  private final HttpClient http;
  private final URI endpoint;
  private final Dialect dialect;
  private final String model;
  private final String apiKey;
  private final Duration timeout;
  private final Duration retryPause;

  public HttpReranker(
      URI endpoint,
      Dialect dialect,
      String model,
      String apiKey,
      Duration timeout,
      Duration retryPause) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.endpoint = endpoint;
    this.dialect = dialect;
    this.model = model;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.retryPause = retryPause;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public List<Double> relevance(String query, List<String> documents) {
    if (documents.isEmpty()) {
      return List.of();
    }
    HttpResponse<String> response = send(body(query, documents));
    if (isRetryable(response.statusCode())) {
      pause();
      response = send(body(query, documents));
    }
    if (response.statusCode() / 100 != 2) {
      throw new UpstreamFailureException(
          "The reranker answered HTTP " + response.statusCode(),
          isRetryable(response.statusCode()),
          null);
    }
    return parse(response.body(), documents.size());
  }

  private String body(String query, List<String> documents) {
    ObjectNode body = JSON.createObjectNode();
    body.put("query", query);
    ArrayNode docs = body.putArray(dialect == Dialect.TEI ? "texts" : "documents");
    documents.forEach(docs::add);
    if (dialect == Dialect.TEI) {
      body.put("raw_scores", false);
    } else {
      if (model != null && !model.isBlank()) {
        body.put("model", model);
      }
      body.put("top_n", documents.size());
      body.put("return_documents", false);
    }
    return body.toString();
  }

  private HttpResponse<String> send(String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new UpstreamFailureException("The reranker did not answer in time", true, e);
    } catch (IOException e) {
      throw new UpstreamFailureException("The reranker could not be reached", true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamFailureException("Interrupted while reranking", true, e);
    }
  }

  private List<Double> parse(String body, int count) {
    List<Double> scores = new ArrayList<>(Collections.nCopies(count, 0.0));
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode results = dialect == Dialect.TEI ? root : root.path("results");
      if (!results.isArray()) {
        throw new UpstreamFailureException("The reranker's answer has no results", false, null);
      }
      for (JsonNode r : results) {
        int index = r.path("index").asInt(-1);
        JsonNode score = r.has("relevance_score") ? r.get("relevance_score") : r.get("score");
        if (index < 0 || index >= count || score == null || !score.isNumber()) {
          throw new UpstreamFailureException("The reranker's answer is malformed", false, null);
        }
        scores.set(index, score.asDouble());
      }
      return scores;
    } catch (IOException e) {
      throw new UpstreamFailureException("The reranker's answer is not JSON", false, e);
    }
  }

  private static boolean isRetryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private void pause() {
    try {
      Thread.sleep(retryPause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
