package io.khoj4j.bootstrap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import io.khoj4j.application.quality.BeirDataset;
import io.khoj4j.bootstrap.quality.BeirHarness;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reranking step can add to search, and what it costs, through the server's own path ({@code r=true}: the
 * first 3n candidates of the fused list sent to a TEI {@code /rerank} endpoint, reordered by its scores combined with
 * the first stage's at the server's {@code khoj.search.rerank-weight}). No reranker
 * weights are available on this machine, so the endpoint is a local TEI-compatible stub whose scores come from the
 * collection's judgments: exact ({@code σ = 0}, the ceiling any reranker could reach with these candidates) or with
 * Gaussian noise added ({@code σ > 0}, a reranker that is often wrong). A stub answering a constant score checks that a
 * reranker with no opinion leaves the order alone. Run by {@code bench/rerank.sh}.
 *
 * <p>Arguments: base URL (server started with {@code khoj.search.reranker.url} at this stub), stub port, queries,
 * documents of the SciFact part ({@link BeirDataset#subset}; 0 for the whole collection), and the reranker weight the
 * server runs with (printed only).
 */
public final class RerankBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FILE = Pattern.compile("/([^/\\s]+)\\.md");

  private final BeirDataset data;
  private final Map<String, String> queryIds = new HashMap<>();
  private volatile double sigma = 0;
  private volatile boolean constant;
  private final Random noise = new Random(42);

  private RerankBench(BeirDataset data) {
    this.data = data;
    data.queries().forEach((id, text) -> queryIds.put(text, id));
  }

  public static void main(String[] args) throws Exception {
    Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    String base = args[0];
    int port = Integer.parseInt(args[1]);
    int queries = Integer.parseInt(args[2]);
    int documents = Integer.parseInt(args[3]);
    String weight = args.length > 4 ? args[4] : "the server's";
    BeirDataset all = BenchCorpus.scifact();
    BeirDataset data = documents > 0 ? all.subset(queries, documents) : all;
    RerankBench bench = new RerankBench(data);
    System.out.println("reranker weight (khoj.search.rerank-weight): " + weight);
    HttpServer stub = bench.startStub(port);
    try {
      bench.run(base);
    } finally {
      stub.stop(0);
    }
  }

  private void run(String base) throws Exception {
    BeirHarness harness = new BeirHarness(base, null);
    long t0 = System.nanoTime();
    harness.index(data, 4);
    System.out.printf("%s indexed in %.0f s%n%n", data.name(), (System.nanoTime() - t0) / 1e9);
    harness.evaluate(data); // warm-up
    BeirHarness.Result first = harness.evaluate(data, false);
    line("no reranking (the fused ranking)", first);
    constant = true;
    line("reranker with no opinion (constant score)", harness.evaluate(data, true));
    constant = false;
    for (double s : new double[] {0, 0.25, 0.5, 1.0}) {
      sigma = s;
      line(
          s == 0 ? "judgments as scores (ceiling)" : "judgments + noise, σ = " + s,
          harness.evaluate(data, true));
    }
  }

  private static void line(String label, BeirHarness.Result r) {
    System.out.printf(
        Locale.ROOT,
        "%-44s nDCG@10 %.4f  Recall@10 %.4f  MRR@10 %.4f  search p50 %.1f ms, p99 %.1f ms%n",
        label,
        r.scores().ndcg(),
        r.scores().recall(),
        r.scores().mrr(),
        pct(r.millis(), 50),
        pct(r.millis(), 99));
  }

  // ------------------------------------------------------------------------------------------------ the stub

  /** TEI's {@code POST /rerank}: {@code {"query","texts",...}} → {@code [{"index","score"}]}, best first. */
  private HttpServer startStub(int port) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/rerank", exchange -> {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      String queryId = queryIds.get(request.path("query").asText());
      List<double[]> scored = new ArrayList<>();
      int i = 0;
      for (JsonNode text : request.path("texts")) {
        scored.add(new double[] {i++, score(queryId, text.asText())});
      }
      scored.sort((a, b) -> Double.compare(b[1], a[1]));
      ArrayNode body = JSON.createArrayNode();
      for (double[] s : scored) {
        body.addObject().put("index", (int) s[0]).put("score", s[1]);
      }
      byte[] bytes = JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return server;
  }

  /** The judged relevance of the document the text comes from (0 when unjudged), squashed into 0..1 with noise. */
  private double score(String queryId, String text) {
    if (constant) {
      return 0.5;
    }
    double relevance = 0;
    String doc = documentOf(text);
    if (queryId != null && doc != null) {
      relevance = data.qrels().getOrDefault(queryId, Map.of()).getOrDefault(doc, 0);
    }
    double noisy;
    synchronized (noise) {
      noisy = relevance + sigma * noise.nextGaussian();
    }
    return 1 / (1 + Math.exp(-4 * (noisy - 0.5)));
  }

  /** A piece's document: its file name when the piece names it, else the document whose title it holds. */
  private String documentOf(String text) {
    Matcher m = FILE.matcher(text);
    if (m.find()) {
      return m.group(1);
    }
    for (BeirDataset.Document d : data.corpus().values()) {
      if (!d.title().isBlank() && text.contains(d.title().strip())) {
        return d.id();
      }
    }
    return null;
  }

  private static double pct(List<Double> millis, int p) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * p / 100.0) - 1));
  }
}
