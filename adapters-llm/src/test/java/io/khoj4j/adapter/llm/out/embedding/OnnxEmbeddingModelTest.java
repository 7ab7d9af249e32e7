package io.khoj4j.adapter.llm.out.embedding;

import static io.khoj4j.application.port.out.embedding.EmbeddingModelContract.cosine;
import static io.khoj4j.application.port.out.embedding.EmbeddingModelContract.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process models, run with khoj4j's own ONNX session: the vectors must be those of the published models. */
class OnnxEmbeddingModelTest {

  private static final List<String> TEXTS = List.of(
      "Photosynthesis turns light, water and carbon dioxide into sugar and oxygen.",
      "# Trip to Lisbon\nBook the train on Friday; the museum closes at six.",
      "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)");

  private static OnnxEmbeddingModel bge;

  @BeforeAll
  static void load() {
    bge = new OnnxEmbeddingModel(Variant.BGE_SMALL_EN_V15_Q, true, 2);
  }

  @AfterAll
  static void close() {
    bge.close();
  }

  @Test
  void documentVectorsAreThoseOfThePublishedBgeModel() {
    var stock = new BgeSmallEnV15QuantizedEmbeddingModel();
    List<float[]> ours = bge.embedDocuments(TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(cosine(ours.get(i), stock.embed(TEXTS.get(i)).content().vector()))
          .isGreaterThan(0.9999);
    }
  }

  @Test
  void queriesCarryTheModelsInstruction() {
    var stock = new BgeSmallEnV15QuantizedEmbeddingModel();
    float[] query = bge.embedQuery("what do plants make from light");
    assertThat(cosine(
            query,
            stock
                .embed("Represent this sentence for searching relevant passages: "
                    + "what do plants make from light")
                .content()
                .vector()))
        .isGreaterThan(0.9999);
    assertThat(cosine(
            query, stock.embed("what do plants make from light").content().vector()))
        .isLessThan(0.999);
  }

  @Test
  void miniLmIsMeanPooledLikeThePublishedModel() {
    try (var miniLm = new OnnxEmbeddingModel(Variant.ALL_MINILM_L6_V2_Q, true, 1)) {
      var stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
      List<float[]> ours = miniLm.embedDocuments(TEXTS);
      for (int i = 0; i < TEXTS.size(); i++) {
        assertThat(cosine(ours.get(i), stock.embed(TEXTS.get(i)).content().vector()))
            .isGreaterThan(0.9999);
      }
      assertThat(miniLm.id()).isEqualTo("all-minilm-l6-v2-q");
    }
  }

  @Test
  void vectorsAreNormalisedAnd384Wide() {
    for (float[] v : bge.embedDocuments(TEXTS)) {
      assertThat(v).hasSize(bge.dimension());
      assertThat(norm(v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @Test
  void aTextEmbedsAloneAsInABatchAndBlankTextGetsAVector() {
    List<float[]> batch = bge.embedDocuments(TEXTS);
    assertThat(cosine(bge.embedDocuments(List.of(TEXTS.get(1))).getFirst(), batch.get(1)))
        .isGreaterThan(0.99999);
    assertThat(bge.embedDocuments(List.of("  ")).getFirst())
        .containsExactly(bge.embedDocuments(List.of(".")).getFirst());
    assertThat(bge.embedDocuments(List.of())).isEmpty();
  }

  @Test
  void queriesAndBatchesFromManyThreadsGetTheSameVectors() throws Exception {
    List<float[]> expectedDocs = bge.embedDocuments(TEXTS);
    float[] expectedQuery = bge.embedQuery("museum opening hours");
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<Future<Boolean>> checks = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        checks.add(callers.submit(() -> {
          List<float[]> docs = bge.embedDocuments(TEXTS);
          boolean same = true;
          for (int j = 0; j < docs.size(); j++) {
            same &= cosine(docs.get(j), expectedDocs.get(j)) > 0.99999;
          }
          return same;
        }));
        checks.add(callers.submit(
            () -> cosine(bge.embedQuery("museum opening hours"), expectedQuery) > 0.99999));
      }
      for (Future<Boolean> check : checks) {
        assertThat(check.get()).isTrue();
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void closingWaitsForARunningBatchAndRefusesLaterCalls() throws Exception {
    var model = new OnnxEmbeddingModel(Variant.ALL_MINILM_L6_V2_Q, true, 1);
    var inside = new java.util.concurrent.CountDownLatch(1);
    List<String> many = new java.util.AbstractList<>() {
      @Override
      public String get(int index) {
        return TEXTS.get(0);
      }

      @Override
      public int size() {
        return 64;
      }

      @Override
      public java.util.stream.Stream<String> stream() {
        inside.countDown(); // the batch is running: it holds the model open
        return super.stream();
      }
    };
    var batch =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> model.embedDocuments(many));
    inside.await();
    model.close();
    assertThat(batch.get()).hasSize(64);
    assertThatThrownBy(() -> model.embedQuery("tea"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    model.close();
  }

  /** Texts whose tokens test the one-piece query path: accents, other scripts, code, URLs, odd spacing. */
  private static final List<String> QUERIES = List.of(
      "what do plants make from light",
      "Represent this sentence for searching relevant passages: Café naïve résumé",
      "東京の天気は晴れです、明日は雨",
      "🙂 tea time?! (don't won't it's)",
      "e=mc^2; 3.14159, (x+y)/2 -- 100% of 1,000,000",
      "https://example.com/a/b?c=d&e=f#g",
      "  many   spaces\n\tand\ttabs\r\nand lines  ",
      "ALL CAPS AND MixedCase hyphen-ated well‐known",
      "Ωμέγα и кириллица und Umlaute ÄÖÜß",
      "\u0007bell and \u200bzero width",
      ".",
      "x".repeat(40) + " " + "antidisestablishmentarianism ".repeat(5));

  @Test
  void aQueryInOnePieceGetsTheEncodersVectorBitForBit() {
    var minilm = new OnnxEmbeddingModel(Variant.ALL_MINILM_L6_V2_Q, false, 1);
    try {
      for (OnnxEmbeddingModel model : List.of(bge, minilm)) {
        for (String query : QUERIES) {
          float[] inOnePiece = model.embedInOnePiece(query);
          assertThat(inOnePiece).as("%s, one piece: %s", model.id(), query).isNotNull();
          assertThat(inOnePiece)
              .as("%s: %s", model.id(), query)
              .isEqualTo(model.embedThroughEncoder(query));
        }
      }
    } finally {
      minilm.close();
    }
  }

  @Test
  void aQueryLongerThanOnePieceIsSplitByTheEncoder() {
    String longQuery = "photosynthesis and the light reactions of plants ".repeat(80);

    assertThat(bge.embedInOnePiece(longQuery)).isNull();
    float[] query = bge.embedQuery(longQuery);
    assertThat(query)
        .isEqualTo(bge.embedThroughEncoder(
            "Represent this sentence for searching relevant passages: " + longQuery));
    assertThat(norm(query)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void refusesFewerThanOneThread() {
    assertThatThrownBy(() -> new OnnxEmbeddingModel(Variant.BGE_SMALL_EN_V15_Q, true, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void knowsItsModelsByName() {
    assertThat(Variant.of("BGE-small-en-v1.5-q")).isEqualTo(Variant.BGE_SMALL_EN_V15_Q);
    assertThatThrownBy(() -> Variant.of("gpt-embed")).isInstanceOf(IllegalArgumentException.class);
  }
}
