package io.khoj4j.bootstrap.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.application.quality.BeirDataset;
import io.khoj4j.application.quality.RetrievalMetrics;
import io.khoj4j.bootstrap.testing.Multipart;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures retrieval quality end to end, through the HTTP API only: each BEIR document becomes one Markdown file
 * ({@code # title} + text) uploaded with {@code PATCH /api/content}; each query goes to {@code GET /api/search}; the
 * first ten distinct files of the answer are scored against the relevance judgments.
 */
public final class BeirHarness {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final String baseUrl;
  private final String token;

  /** @param token bearer token, or null in single-user mode */
  public BeirHarness(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  static String fileOf(BeirDataset data, String docId) {
    return "beir/" + data.name() + "/" + docId + ".md";
  }

  /** Uploads every document, 30 per request, {@code concurrency} requests at a time. */
  public void index(BeirDataset data, int concurrency) throws Exception {
    List<Multipart> batches = new ArrayList<>();
    Multipart batch = null;
    int inBatch = 0;
    for (BeirDataset.Document d : data.corpus().values()) {
      if (batch == null || inBatch == 30) {
        batch = Multipart.files();
        batches.add(batch);
        inBatch = 0;
      }
      String markdown = (d.title().isBlank() ? "" : "# " + d.title().strip() + "\n") + d.text();
      batch.add(fileOf(data, d.id()), "text/markdown; charset=utf-8", markdown);
      inBatch++;
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Multipart m : batches) {
        done.add(pool.submit(() -> {
          HttpResponse<String> r =
              send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/content?client=bench"))
                  .timeout(Duration.ofMinutes(30))
                  .header("Content-Type", m.contentType())
                  .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(m.body())));
          if (r.statusCode() != 200) {
            throw new IllegalStateException(
                "upload failed: HTTP " + r.statusCode() + " " + r.body());
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Runs every judged query; returns the metrics and the latency of each call in milliseconds. */
  public Result evaluate(BeirDataset data) throws Exception {
    return evaluate(data, false);
  }

  /** The same, asking the server to rerank ({@code r=true}) when {@code rerank}. */
  public Result evaluate(BeirDataset data, boolean rerank) throws Exception {
    Map<String, List<String>> run = new LinkedHashMap<>();
    List<Double> millis = new ArrayList<>();
    String prefix = "beir/" + data.name() + "/";
    for (var q : data.queries().entrySet()) {
      String url = baseUrl + "/api/search?n=20&client=bench&r=" + rerank + "&q="
          + URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8);
      long t0 = System.nanoTime();
      HttpResponse<String> r = send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).GET());
      millis.add((System.nanoTime() - t0) / 1e6);
      if (r.statusCode() != 200) {
        throw new IllegalStateException("search failed: HTTP " + r.statusCode() + " " + r.body());
      }
      Set<String> ids = new LinkedHashSet<>();
      for (JsonNode hit : JSON.readTree(r.body())) {
        String file = hit.path("additional").path("file").asText();
        if (file.startsWith(prefix) && file.endsWith(".md")) {
          ids.add(file.substring(prefix.length(), file.length() - 3));
        }
      }
      run.put(q.getKey(), new ArrayList<>(ids).subList(0, Math.min(10, ids.size())));
    }
    return new Result(RetrievalMetrics.evaluate(data.qrels(), run, 10), millis, run);
  }

  /** The metrics, each call's latency, and the run itself (query id → the first ten document ids). */
  public record Result(
      RetrievalMetrics.Scores scores, List<Double> millis, Map<String, List<String>> run) {}

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
