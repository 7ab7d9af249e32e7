package io.khoj4j.application.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A retrieval test collection in BEIR format: {@code corpus.jsonl} ({@code _id}, {@code title}, {@code text}),
 * {@code queries.jsonl} ({@code _id}, {@code text}) and {@code qrels/<split>.tsv} (query-id, corpus-id, graded
 * score; 0 = judged not relevant). Only queries with at least one relevant document are kept.
 */
public record BeirDataset(
    String name,
    Map<String, Document> corpus,
    Map<String, String> queries,
    Map<String, Map<String, Integer>> qrels) {

  public record Document(String id, String title, String text) {

    /** What is indexed: title and text, as BEIR's own evaluation concatenates them. */
    public String content() {
      return title.isBlank() ? text : title + "\n" + text;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  public static BeirDataset load(Path dir) {
    try {
      Path qrelsDir = dir.resolve("qrels");
      Path qrelsFile;
      try (var files = Files.list(qrelsDir)) {
        qrelsFile = files
            .filter(p -> p.toString().endsWith(".tsv"))
            .sorted()
            .findFirst()
            .orElseThrow(() -> new IOException("no qrels/*.tsv in " + dir));
      }
      Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
      for (String line : Files.readAllLines(qrelsFile, StandardCharsets.UTF_8)) {
        String[] cols = line.split("\t");
        if (cols.length < 3 || cols[0].equals("query-id")) {
          continue;
        }
        qrels
            .computeIfAbsent(cols[0], k -> new LinkedHashMap<>())
            .put(cols[1], Integer.parseInt(cols[2].strip()));
      }
      qrels.values().removeIf(judged -> judged.values().stream().noneMatch(score -> score > 0));
      Map<String, Document> corpus = new LinkedHashMap<>();
      for (JsonNode n : jsonLines(dir.resolve("corpus.jsonl"))) {
        String id = n.get("_id").asText();
        corpus.put(id, new Document(id, text(n, "title"), text(n, "text")));
      }
      Map<String, String> queries = new LinkedHashMap<>();
      for (JsonNode n : jsonLines(dir.resolve("queries.jsonl"))) {
        String id = n.get("_id").asText();
        if (qrels.containsKey(id)) {
          queries.put(id, text(n, "text"));
        }
      }
      return new BeirDataset(dir.getFileName().toString(), corpus, queries, qrels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A smaller collection for a quick check, the same on every run: {@code queryCount} queries spread evenly over the
   * judged ones, every document judged for them (relevant or not), and documents spread evenly over the rest of the
   * corpus until it holds {@code corpusSize}. Its scores are higher than the whole collection's (fewer documents
   * compete), so a floor on it guards against regressions, not for comparison with published figures.
   */
  public BeirDataset subset(int queryCount, int corpusSize) {
    List<String> ids = List.copyOf(queries.keySet());
    Map<String, String> someQueries = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> someQrels = new LinkedHashMap<>();
    int take = Math.min(queryCount, ids.size());
    for (int i = 0; i < take; i++) {
      String id = ids.get((int) ((long) i * ids.size() / take));
      someQueries.put(id, queries.get(id));
      someQrels.put(id, qrels.get(id));
    }
    Map<String, Document> someDocs = new LinkedHashMap<>();
    someQrels
        .values()
        .forEach(judged -> judged.keySet().forEach(doc -> {
          if (corpus.containsKey(doc)) {
            someDocs.put(doc, corpus.get(doc));
          }
        }));
    List<Document> rest =
        corpus.values().stream().filter(d -> !someDocs.containsKey(d.id())).toList();
    int fill = Math.max(0, Math.min(rest.size(), corpusSize - someDocs.size()));
    for (int i = 0; i < fill; i++) {
      Document d = rest.get((int) ((long) i * rest.size() / fill));
      someDocs.put(d.id(), d);
    }
    return new BeirDataset(
        name + " (" + someQueries.size() + " queries, " + someDocs.size() + " documents)",
        someDocs,
        someQueries,
        someQrels);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          nodes.add(JSON.readTree(line));
        }
      }
    }
    return nodes;
  }

  /**
   * The shared retrieval data ({@code ../shared/data/retrieval/<name>} from the repository root, or
   * {@code KHOJ4J_RETRIEVAL_DATA}); empty in a clone that does not have it.
   */
  public static Optional<Path> locate(String name) {
    String env = System.getenv("KHOJ4J_RETRIEVAL_DATA");
    List<Path> candidates = new ArrayList<>();
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env).resolve(name));
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      candidates.add(p.resolve("shared/data/retrieval").resolve(name));
      candidates.add(p.resolveSibling("shared").resolve("data/retrieval").resolve(name));
    }
    return candidates.stream()
        .filter(p -> Files.isRegularFile(p.resolve("corpus.jsonl")))
        .findFirst();
  }
}
