package io.khoj4j.bootstrap.bench;

import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel;
import io.khoj4j.bootstrap.testing.Multipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Indexes a notes folder through {@code PATCH /api/content} the way Khoj's clients do (batches of 30 files, many
 * requests in flight), then measures the raw in-process embedding throughput of the very chunks stored, and finally
 * re-syncs the unchanged corpus. Run by {@code bench/indexing.sh}, which starts the server.
 *
 * <p>Arguments: base URL, notes folder, JDBC URL of the server's database, server PID, concurrency.
 */
public final class IndexingBench {

  private static final int BATCH = 30;

  public static void main(String[] args) throws Exception {
    String base = args[0];
    Path notes = Path.of(args[1]);
    String jdbc = args[2];
    long pid = Long.parseLong(args[3]);
    int concurrency = Integer.parseInt(args[4]);
    boolean warm = args.length > 5 && args[5].equals("warm");

    List<Path> files;
    try (Stream<Path> walk = Files.walk(notes)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> type(p) != null)
          .sorted()
          .toList();
    }
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    System.out.printf("corpus: %d files, %.1f MB from %s%n", files.size(), bytes / 1e6, notes);
    List<Multipart> batches = new ArrayList<>();
    for (int i = 0; i < files.size(); i += BATCH) {
      Multipart m = Multipart.files();
      for (Path f : files.subList(i, Math.min(files.size(), i + BATCH))) {
        m.add(f.toAbsolutePath().toString(), type(f), Files.readAllBytes(f));
      }
      batches.add(m);
    }

    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    Sync first = sync(http, base, batches, concurrency, pid);
    int accepted = first.accepted();
    double indexSeconds = first.seconds();
    long chunks = scalar(jdbc, "select count(*) from entries");
    long rss = peakRssKb(pid);
    System.out.printf(
        "index:  %d of %d files accepted in %.1f s: %.1f files/s, %d chunks, %.1f chunks/s,"
            + " server peak RSS %d MB (%d requests, %d in flight)%n",
        accepted,
        files.size(),
        indexSeconds,
        accepted / indexSeconds,
        chunks,
        chunks / indexSeconds,
        rss / 1024,
        batches.size(),
        concurrency);
    first.printCpu();

    long t1 = System.nanoTime();
    int again = send(http, base, batches, concurrency);
    double resyncSeconds = (System.nanoTime() - t1) / 1e9;
    long chunksAfter = scalar(jdbc, "select count(*) from entries");
    String embeddedCounter = metric(http, base, "khoj_indexing_chunks_embedded_total");
    System.out.printf(
        "resync: %d files unchanged in %.1f s (%.0f files/s); chunks %d -> %d; embedded chunks"
            + " counter after both runs: %s%n",
        again, resyncSeconds, again / resyncSeconds, chunks, chunksAfter, embeddedCounter);

    double warmRate = Double.NaN;
    if (warm) {
      // the same corpus again on a server that has compiled its code: everything deleted, then a
      // full sync
      HttpResponse<String> deleted = http.send(
          HttpRequest.newBuilder(URI.create(base + "/api/content/source/computer"))
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.ofString());
      if (deleted.statusCode() != 200 || scalar(jdbc, "select count(*) from entries") != 0) {
        throw new IllegalStateException(
            "could not delete the corpus: HTTP " + deleted.statusCode());
      }
      try (Connection c = DriverManager.getConnection(jdbc, "khoj4j", "khoj4j");
          Statement s = c.createStatement()) {
        s.execute("vacuum analyze entries");
        s.execute("vacuum analyze entry_terms");
      }
      Sync warmSync = sync(http, base, batches, concurrency, pid);
      long warmChunks = scalar(jdbc, "select count(*) from entries");
      System.out.printf(
          "warm:   %d files accepted in %.1f s on the warmed server: %d chunks, %.1f chunks/s%n",
          warmSync.accepted(), warmSync.seconds(), warmChunks, warmChunks / warmSync.seconds());
      warmSync.printCpu();
      warmRate = warmChunks / warmSync.seconds();
    }

    List<String> compiled = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbc, "khoj4j", "khoj4j");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select compiled from entries")) {
      while (rs.next()) {
        compiled.add(rs.getString(1));
      }
    }
    OnnxEmbeddingModel model =
        new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.BGE_SMALL_EN_V15_Q);
    model.embedDocuments(compiled.subList(0, Math.min(16, compiled.size())));
    BenchCpu c2 = BenchCpu.read(pid);
    long t2 = System.nanoTime();
    for (int i = 0; i < compiled.size(); i += 16) {
      model.embedDocuments(compiled.subList(i, Math.min(compiled.size(), i + 16)));
    }
    double rawSeconds = (System.nanoTime() - t2) / 1e9;
    BenchCpu rawCpu = BenchCpu.read(pid).minus(c2);
    double raw = compiled.size() / rawSeconds;
    System.out.printf(
        "raw:    %d chunks embedded in process in %.1f s: %.1f chunks/s%n",
        compiled.size(), rawSeconds, raw);
    System.out.println("        cpu " + rawCpu.describe(rawSeconds));
    System.out.printf(
        "ratio:  indexing through HTTP runs at %.2f of raw embedding throughput%n",
        (chunks / indexSeconds) / raw);
    if (warm) {
      System.out.printf("ratio:  on the warmed server, %.2f%n", warmRate / raw);
    }
  }

  /** One push of the whole corpus: files accepted, seconds, and the CPU it took. */
  private record Sync(int accepted, double seconds, BenchCpu cpu, String threads) {
    void printCpu() {
      System.out.println("        cpu " + cpu.describe(seconds));
      System.out.println(
          "        server cpu seconds by thread group (threads alive at the end): " + threads);
    }
  }

  private static Sync sync(
      HttpClient http, String base, List<Multipart> batches, int concurrency, long pid)
      throws Exception {
    BenchCpu cpu0 = BenchCpu.read(pid);
    java.util.Map<String, Double> threads0 = BenchCpu.threads(pid);
    long t0 = System.nanoTime();
    int accepted = send(http, base, batches, concurrency);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Sync(
        accepted,
        seconds,
        BenchCpu.read(pid).minus(cpu0),
        BenchCpu.listed(BenchCpu.byGroup(threads0, BenchCpu.threads(pid)), 1, 0.5, "%.1f"));
  }

  private static int send(HttpClient http, String base, List<Multipart> batches, int concurrency)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<Integer>> results = new ArrayList<>();
    for (Multipart batch : batches) {
      results.add(pool.submit(() -> {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/content?client=bench"))
            .timeout(Duration.ofMinutes(30))
            .header("Content-Type", batch.contentType())
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(batch.body()))
            .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? 0 : response.body().split(",").length;
      }));
    }
    int accepted = 0;
    for (Future<Integer> r : results) {
      accepted += r.get();
    }
    pool.shutdown();
    return accepted;
  }

  private static String type(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return "text/markdown";
    }
    if (name.endsWith(".org")) {
      return "text/org";
    }
    if (name.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (name.endsWith(".docx")) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (name.endsWith(".txt")) {
      return "text/plain";
    }
    return null;
  }

  private static long scalar(String jdbc, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc, "khoj4j", "khoj4j");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long peakRssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  private static String metric(HttpClient http, String base, String name) throws Exception {
    String body = http.send(
            HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
    return body.lines()
        .filter(l -> l.startsWith(name))
        .findFirst()
        .map(l -> l.substring(l.lastIndexOf(' ') + 1))
        .orElse("?");
  }
}
