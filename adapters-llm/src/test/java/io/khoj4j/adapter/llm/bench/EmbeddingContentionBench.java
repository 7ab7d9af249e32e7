package io.khoj4j.adapter.llm.bench;

import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel;
import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel.Variant;
import io.khoj4j.application.quality.BeirDataset;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * What other work on the same cores costs the in-process model: documents embedded as the server embeds them (one
 * thread per core, batches of 16), alone and beside competitor threads that wake, walk a buffer and sleep, the way a
 * sync's other work (PostgreSQL's writes, parsing, the JIT) runs beside embedding. Reports the embedding threads' CPU
 * per text, each setting against the mean of the runs alone just before and after it (the machine's speed drifts), and
 * how often the embedding threads were preempted. Linux only (per-thread counters from {@code /proc/self/task}).
 * SciFact's documents from ../shared/data/retrieval. Run with {@code bench/embedding-contention.sh}.
 */
public final class EmbeddingContentionBench {

  /** Threads of the competitor: one per core, like the sync's request threads and database backends. */
  private record Competitor(String name, long workMicros, long sleepMicros, int kilobytes) {}

  private static final List<Competitor> COMPETITORS = List.of(
      new Competitor("bursts of 0.3 ms every 2 ms, 8 MB walked", 300, 2_000, 8 * 1024),
      new Competitor("bursts of 3 ms every 20 ms, 8 MB walked", 3_000, 20_000, 8 * 1024),
      new Competitor("bursts of 0.3 ms every 2 ms, 256 kB walked", 300, 2_000, 256));

  private record Usage(
      double embeddingCpu, double competitorCpu, long preemptions, double seconds) {}

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    if (!Files.isDirectory(Path.of("/proc/self/task"))) {
      System.out.println(
          "no /proc/self/task: this benchmark reads per-thread CPU time on Linux only");
      return;
    }
    BeirDataset data = BenchData.scifact().orElse(null);
    if (data == null) {
      return;
    }
    List<String> texts = BenchData.documents(data, documents);
    int cores = Runtime.getRuntime().availableProcessors();
    try (var model = new OnnxEmbeddingModel(Variant.BGE_SMALL_EN_V15_Q, true, cores)) {
      model.embedDocuments(texts.subList(0, Math.min(64, texts.size())));
      System.out.printf(
          "%d SciFact documents in batches of 16, %d embedding threads, %d competitor threads%n",
          texts.size(), cores, cores);
      for (int round = 1; round <= rounds; round++) {
        double before = embed(model, texts, null, cores).embeddingCpu();
        System.out.printf(
            Locale.ROOT,
            "round %d: alone %.1f ms of CPU per text%n",
            round,
            1000 * before / texts.size());
        for (Competitor c : COMPETITORS) {
          Usage with = embed(model, texts, c, cores);
          double after = embed(model, texts, null, cores).embeddingCpu();
          double alone = (before + after) / 2;
          System.out.printf(
              Locale.ROOT,
              "  beside %s (%.0f %% of the machine): %.1f ms per text, %.3f of alone (%.1f);"
                  + " preempted %d times; alone again %.1f%n",
              c.name(),
              100 * with.competitorCpu() / cores / with.seconds(),
              1000 * with.embeddingCpu() / texts.size(),
              with.embeddingCpu() / alone,
              1000 * alone / texts.size(),
              with.preemptions(),
              1000 * after / texts.size());
          before = after;
        }
      }
    }
    System.exit(0);
  }

  private static Usage embed(
      OnnxEmbeddingModel model, List<String> texts, Competitor competitor, int cores)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    if (competitor != null) {
      for (int i = 0; i < cores; i++) {
        threads.add(Thread.ofPlatform().name("competitor").start(() -> compete(competitor, stop)));
      }
    }
    double[] embedding0 = threadsNamed("onnx-embedding");
    double[] competitor0 = threadsNamed("competitor");
    long started = System.nanoTime();
    for (int i = 0; i < texts.size(); i += 16) {
      model.embedDocuments(texts.subList(i, Math.min(texts.size(), i + 16)));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double[] embedding1 = threadsNamed("onnx-embedding");
    double[] competitor1 = threadsNamed("competitor");
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    return new Usage(
        embedding1[0] - embedding0[0],
        competitor1[0] - competitor0[0],
        (long) (embedding1[1] - embedding0[1]),
        seconds);
  }

  /** Wakes, walks its buffer (one byte per cache line) for a while, sleeps; until told to stop. */
  private static void compete(Competitor c, AtomicBoolean stop) {
    byte[] buffer = new byte[c.kilobytes() * 1024];
    int position = 0;
    long sum = 0;
    while (!stop.get()) {
      long end = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(c.workMicros());
      while (System.nanoTime() < end) {
        for (int k = 0; k < 4096; k++) {
          sum += buffer[position];
          buffer[position] = (byte) sum;
          position = (position + 64) % buffer.length;
        }
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(c.sleepMicros()));
    }
  }

  /** CPU seconds and involuntary context switches of this process's threads whose name starts with a prefix. */
  private static double[] threadsNamed(String prefix) throws IOException {
    double cpu = 0;
    double preempted = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          if (!Files.readString(task.resolve("comm")).strip().startsWith(prefix)) {
            continue;
          }
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          cpu += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("nonvoluntary_ctxt_switches:")) {
              preempted += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
          }
        } catch (IOException ended) {
          // the thread ended while being read: its time is no longer counted anywhere
        }
      }
    }
    return new double[] {cpu, preempted};
  }
}
