package io.khoj4j.application.port.out.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmbeddingModel} must do: the id it is stored under, vectors of its declared dimension, normalized,
 * the same vector for the same text whether embedded alone, again, or in a batch, one vector per text in the order of
 * the texts, nothing for an empty batch, and a vector for a blank text too.
 */
public abstract class EmbeddingModelContract {

  /** Distinct texts (prose, Markdown, code, non-Latin script, one word): every one embeds differently. */
  protected static final List<String> TEXTS = List.of(
      "Photosynthesis turns light, water and carbon dioxide into sugar and oxygen.",
      "# Trip to Lisbon\nBook the train on Friday; the museum closes at six.",
      "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)",
      "東京の桜は三月の終わりに咲く",
      "tea");

  /** The model under test; the same instance for every call within a test. */
  protected abstract EmbeddingModel model();

  /** The id the model must be stored under. */
  protected abstract String expectedId();

  /** The name other servers know the model's vectors by; none for a model only this server runs. */
  protected Optional<String> expectedPublishedName() {
    return Optional.empty();
  }

  @Test
  void itsPublishedNameSaysWhetherOtherServersMakeTheSameVectors() {
    assertThat(model().publishedName()).isEqualTo(expectedPublishedName());
  }

  @Test
  void reportsItsIdEveryTime() {
    assertThat(model().id()).isEqualTo(expectedId()).isEqualTo(model().id());
  }

  @Test
  void everyVectorHasTheDeclaredDimension() {
    int dimension = model().dimension();

    assertThat(dimension).isPositive();
    assertThat(model().embedDocuments(TEXTS))
        .hasSize(TEXTS.size())
        .allSatisfy(v -> assertThat(v).hasSize(dimension));
    assertThat(model().embedQuery("what closes at six")).hasSize(dimension);
    assertThat(model().dimension()).isEqualTo(dimension);
  }

  @Test
  void vectorsAreNormalized() {
    assertThat(model().embedDocuments(TEXTS))
        .allSatisfy(v -> assertThat(norm(v)).isCloseTo(1.0, within(1e-3)));
    assertThat(norm(model().embedQuery("what closes at six"))).isCloseTo(1.0, within(1e-3));
  }

  @Test
  void theSameTextGetsTheSameVector() {
    List<float[]> first = model().embedDocuments(TEXTS);
    List<float[]> second = model().embedDocuments(TEXTS);

    for (int i = 0; i < TEXTS.size(); i++) {
      assertSameVector(second.get(i), first.get(i), TEXTS.get(i));
    }
    assertSameVector(
        model().embedQuery("museum hours"), model().embedQuery("museum hours"), "a query");
  }

  @Test
  void aBatchEmbedsEachTextAsIfAlone() {
    List<float[]> batch = model().embedDocuments(TEXTS);

    for (int i = 0; i < TEXTS.size(); i++) {
      assertSameVector(
          model().embedDocuments(List.of(TEXTS.get(i))).getFirst(), batch.get(i), TEXTS.get(i));
    }
  }

  @Test
  void vectorsComeInTheOrderOfTheTexts() {
    List<float[]> forward = model().embedDocuments(TEXTS);
    List<String> reversedTexts = new ArrayList<>(TEXTS);
    Collections.reverse(reversedTexts);

    List<float[]> backward = model().embedDocuments(reversedTexts);

    assertThat(backward).hasSize(TEXTS.size());
    for (int i = 0; i < TEXTS.size(); i++) {
      assertSameVector(backward.get(TEXTS.size() - 1 - i), forward.get(i), TEXTS.get(i));
    }
    for (int i = 1; i < TEXTS.size(); i++) {
      assertThat(cosine(forward.get(i), forward.get(i - 1)))
          .as("texts %d and %d must embed differently, or order could not be told", i - 1, i)
          .isLessThan(0.999);
    }
  }

  @Test
  void anEmptyBatchGivesNoVectors() {
    assertThat(model().embedDocuments(List.of())).isEmpty();
    afterEmptyBatch();
  }

  /** A model that calls a service checks here that the empty batch called nothing. */
  protected void afterEmptyBatch() {}

  @Test
  void aBlankTextStillGetsAVector() {
    List<float[]> vectors = model().embedDocuments(List.of("", "   ", "tea"));

    assertThat(vectors).hasSize(3);
    assertThat(vectors.subList(0, 2)).allSatisfy(v -> {
      assertThat(v).hasSize(model().dimension());
      assertThat(norm(v)).isCloseTo(1.0, within(1e-3));
    });
    assertThat(model().embedQuery(" ")).hasSize(model().dimension());
  }

  /** Equal up to the rounding of a runtime that may batch its arithmetic differently. */
  protected static void assertSameVector(float[] actual, float[] expected, String text) {
    assertThat(actual).as("vector of %s", text).hasSameSizeAs(expected);
    assertThat(cosine(actual, expected))
        .as("cosine to the vector of %s", text)
        .isGreaterThan(0.99999);
  }

  /** Cosine similarity of two vectors of one size. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot / (norm(a) * norm(b));
  }

  /** Euclidean length. */
  public static double norm(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }
}
