package io.khoj4j.adapter.llm.out.embedding;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The query cache's hit rate on a simulated typed-query trace: people typing the retrieval sets' queries into a
 * search box that searches as they type (every keystroke, or after a pause), making and deleting typos, and coming
 * back to an earlier search now and then. Prints one line per debounce setting.
 * {@code bench/java.sh adapters-llm io.khoj4j.adapter.llm.out.embedding.QueryCacheTrace ../shared/data/retrieval}
 */
public final class QueryCacheTrace {

  private QueryCacheTrace() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/retrieval");
    List<String> queries = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String set : List.of("cranfield", "scifact")) {
      for (String line : Files.readAllLines(root.resolve(set).resolve("queries.jsonl"))) {
        if (!line.isBlank()) {
          queries.add(json.readTree(line).get("text").asText().strip());
        }
      }
    }
    System.out.printf(
        "%d queries typed; typo rate 5%% per keystroke, 30%% of searches revisited later%n",
        queries.size());
    for (int debounceMs : new int[] {0, 150, 300}) {
      QueryCachingEmbeddingModelTest.CountingModel model =
          new QueryCachingEmbeddingModelTest.CountingModel();
      QueryCachingEmbeddingModel cached = new QueryCachingEmbeddingModel(model, 2000);
      List<String> searched = trace(queries, debounceMs, new Random(42));
      searched.forEach(cached::embedQuery);
      var stats = cached.stats();
      System.out.printf(
          "debounce %3d ms: %6d searches, %6d embedded, hit rate %.3f%n",
          debounceMs, searched.size(), model.queries.size(), stats.hitRate());
    }
  }

  /** The texts searched, in order: after each keystroke whose following pause is at least the debounce. */
  static List<String> trace(List<String> queries, int debounceMs, Random random) {
    List<String> searched = new ArrayList<>();
    List<String> done = new ArrayList<>();
    for (String query : queries) {
      StringBuilder box = new StringBuilder();
      for (int i = 0; i < query.length(); i++) {
        if (random.nextDouble() < 0.05) { // a typo, seen, then deleted
          box.append((char) ('a' + random.nextInt(26)));
          maybeSearch(searched, box, debounceMs, random);
          box.setLength(box.length() - 1);
          maybeSearch(searched, box, debounceMs, random);
        }
        box.append(query.charAt(i));
        maybeSearch(searched, box, debounceMs, random);
      }
      searched.add(query); // the finished query is always searched
      done.add(query);
      if (random.nextDouble() < 0.3) { // an earlier search, opened again
        searched.add(done.get(random.nextInt(done.size())));
      }
    }
    return searched;
  }

  /** Typing pauses: mostly quick keystrokes, sometimes a hesitation (log-normal around 180 ms). */
  private static void maybeSearch(
      List<String> searched, StringBuilder box, int debounceMs, Random random) {
    double pause = Math.exp(Math.log(180) + 0.6 * random.nextGaussian());
    if (box.length() > 0 && pause >= debounceMs) {
      searched.add(box.toString());
    }
  }
}
