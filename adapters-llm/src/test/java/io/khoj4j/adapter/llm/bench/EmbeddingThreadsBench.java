package io.khoj4j.adapter.llm.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel;
import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel.Variant;
import io.khoj4j.application.quality.BeirDataset;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The in-process model run two ways on the same texts: as ONNX Runtime runs it by default (each call spread over
 * every core, idle workers spinning; langchain4j's stock model) and as khoj4j runs it (one thread per text). Documents
 * in batches of 16, queries one at a time, queries from 8 threads, and queries while documents are being embedded.
 * SciFact's documents and queries from ../shared/data/retrieval. Run with {@code bench/embedding-threads.sh}.
 */
public final class EmbeddingThreadsBench {

  private static final String INSTRUCTION =
      "Represent this sentence for searching relevant passages: ";

  private record Setup(
      String name,
      Function<List<String>, List<float[]>> documents,
      Function<String, float[]> query) {}

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    BeirDataset data = BenchData.scifact().orElse(null);
    if (data == null) {
      return;
    }
    List<String> texts = BenchData.documents(data, documents);
    List<String> queries = new ArrayList<>(data.queries().values());
    int cores = Runtime.getRuntime().availableProcessors();

    var stock = new BgeSmallEnV15QuantizedEmbeddingModel();
    var ours = new OnnxEmbeddingModel(Variant.BGE_SMALL_EN_V15_Q, true, cores);
    List<Setup> setups = List.of(
        new Setup(
            "ONNX Runtime defaults",
            t -> stock.embedAll(t.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector())
                .toList(),
            q -> stock.embed(INSTRUCTION + q).content().vector()),
        new Setup("one thread per text", ours::embedDocuments, ours::embedQuery));
    System.out.printf(
        "%d SciFact documents, %d queries, %d cores, bge-small-en-v1.5-q%n",
        texts.size(), queries.size(), cores);
    for (Setup s : setups) {
      s.documents().apply(texts.subList(0, 64));
      queries.subList(0, 100).forEach(s.query()::apply);
    }
    for (int round = 1; round <= 2; round++) {
      for (Setup s : setups) {
        System.out.printf("round %d, %s:%n", round, s.name());
        documents(s, texts);
        oneAtATime(s, queries);
        concurrent(s, queries, 8, 10);
        duringIndexing(s, queries, texts);
      }
    }
    ours.close();
    System.exit(0);
  }

  private static void documents(Setup s, List<String> texts) {
    double cpu0 = cpu();
    long t0 = System.nanoTime();
    for (int i = 0; i < texts.size(); i += 16) {
      s.documents().apply(texts.subList(i, Math.min(texts.size(), i + 16)));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "  documents: %.1f per s, %.1f ms of CPU each%n",
        texts.size() / seconds,
        1000 * (cpu() - cpu0) / texts.size());
  }

  private static void oneAtATime(Setup s, List<String> queries) {
    List<Double> ms = new ArrayList<>();
    double cpu0 = cpu();
    for (String q : queries) {
      long t0 = System.nanoTime();
      s.query().apply(q);
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    System.out.printf(
        Locale.ROOT,
        "  queries one at a time: p50 %.1f ms, p99 %.1f ms, %.1f ms of CPU each%n",
        pct(ms, 50),
        pct(ms, 99),
        1000 * (cpu() - cpu0) / queries.size());
  }

  private static void concurrent(Setup s, List<String> queries, int threads, int seconds)
      throws Exception {
    List<Double> ms = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread.ofPlatform().start(() -> {
        while (System.nanoTime() < end) {
          String q = queries.get(next.getAndIncrement() % queries.size());
          long t0 = System.nanoTime();
          s.query().apply(q);
          ms.add((System.nanoTime() - t0) / 1e6);
        }
        done.countDown();
      });
    }
    done.await();
    System.out.printf(
        Locale.ROOT,
        "  queries from %d threads: %.1f per s, p50 %.1f ms, p99 %.1f ms%n",
        threads,
        ms.size() / (double) seconds,
        pct(ms, 50),
        pct(ms, 99));
  }

  private static void duringIndexing(Setup s, List<String> queries, List<String> texts)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    Thread indexer = Thread.ofPlatform().start(() -> {
      for (int i = 0; !stop.get(); i = (i + 16) % (texts.size() - 16)) {
        s.documents().apply(texts.subList(i, i + 16));
      }
    });
    Thread.sleep(500);
    List<Double> ms = new ArrayList<>();
    for (String q : queries.subList(0, Math.min(300, queries.size()))) {
      long t0 = System.nanoTime();
      s.query().apply(q);
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    stop.set(true);
    indexer.join();
    System.out.printf(
        Locale.ROOT,
        "  queries while documents embed: p50 %.1f ms, p99 %.1f ms%n",
        pct(ms, 50),
        pct(ms, 99));
  }

  private static double cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
