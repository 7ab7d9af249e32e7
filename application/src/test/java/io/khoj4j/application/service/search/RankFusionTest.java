package io.khoj4j.application.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.port.out.search.EntryRanker.Kind;
import io.khoj4j.application.port.out.search.RankedEntry;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RankFusionTest {

  private static final UUID A = new UUID(0, 1);
  private static final UUID B = new UUID(0, 2);
  private static final UUID C = new UUID(0, 3);

  private static RankedEntry byVector(UUID id, double distance) {
    return new RankedEntry(id, id, id.toString(), distance);
  }

  private static RankedEntry byWords(UUID id, double bm25) {
    return new RankedEntry(id, id, id.toString(), Double.NaN, bm25);
  }

  private static RankFusion fusion(SearchSettings.Fusion method, double vectorWeight) {
    return fusion(method, vectorWeight, 0);
  }

  private static RankFusion fusion(
      SearchSettings.Fusion method, double vectorWeight, double sectionWeight) {
    return new RankFusion(new SearchSettings(
        SearchMode.HYBRID,
        50,
        method,
        60,
        1.0,
        vectorWeight,
        sectionWeight,
        ZoneId.of("UTC"),
        SearchSettings.DEFAULT_RERANK_WEIGHT));
  }

  /** A chunk of a section: entries of one file share their corpus id. */
  private static RankedEntry chunk(UUID id, UUID section, double distance) {
    return new RankedEntry(id, section, id.toString(), distance);
  }

  private static List<UUID> ids(List<RankedEntry> fused) {
    return fused.stream().map(RankedEntry::id).toList();
  }

  /** Vector: A close, B far. Keyword: B far ahead of C, A not found. */
  private static final List<Map.Entry<Kind, List<RankedEntry>>> LISTS = List.of(
      Map.entry(Kind.VECTOR, List.of(byVector(A, 0.10), byVector(B, 0.40))),
      Map.entry(Kind.KEYWORD, List.of(byWords(B, 12.0), byWords(C, 1.0))));

  @Test
  void reciprocalRankFavoursWhatBothListsFound() {
    assertThat(ids(fusion(SearchSettings.Fusion.RRF, 0.5).fuse(LISTS))).containsExactly(B, A, C);
  }

  @Test
  void aConvexCombinationWeighsTheScoresNotTheRanks() {
    // vector scaled between -1 and the best similarity 0.9: A 1.0, B 1.6/1.9; keyword between 0 and
    // 12: B 1, C 1/12
    // a = 0.9: A 0.9, B 0.9*0.842+0.1 = 0.858, C 0.1/12
    assertThat(ids(fusion(SearchSettings.Fusion.CONVEX, 0.9).fuse(LISTS))).containsExactly(A, B, C);
    // a = 0.5: A 0.5, B 0.921, C 0.042
    assertThat(ids(fusion(SearchSettings.Fusion.CONVEX, 0.5).fuse(LISTS))).containsExactly(B, A, C);
    // a = 0: words alone, A (not found by words) last
    assertThat(ids(fusion(SearchSettings.Fusion.CONVEX, 0.0).fuse(LISTS)).getFirst())
        .isEqualTo(B);
  }

  @Test
  void anEntryOnlyTheWordsFoundIsScoredByItsDistanceTooWhenItIsKnown() {
    // C found by words alone, its distance read afterwards: close to the query and the best keyword
    // hit
    var lists = List.<Map.Entry<Kind, List<RankedEntry>>>of(
        Map.entry(Kind.VECTOR, List.of(byVector(A, 0.10), byVector(B, 0.40))),
        Map.entry(Kind.KEYWORD, List.of(new RankedEntry(C, C, "c", 0.12, 12.0), byWords(B, 1.0))));

    // a = 0.9: A 0.9; C 0.9*1.88/1.9 + 0.1 = 0.99; B 0.9*1.6/1.9 + 0.1/12 = 0.766
    assertThat(ids(fusion(SearchSettings.Fusion.CONVEX, 0.9).fuse(lists))).containsExactly(C, A, B);
  }

  @Test
  void anEntryKeepsTheRecordThatKnowsItsDistance() {
    List<RankedEntry> fused = fusion(SearchSettings.Fusion.CONVEX, 0.5).fuse(LISTS);

    assertThat(fused.stream()
            .filter(e -> e.id().equals(B))
            .findFirst()
            .orElseThrow()
            .distance())
        .isEqualTo(0.40);
  }

  @Test
  void aListWhoseScoresAreAllMissingAddsNothing() {
    var lists = List.<Map.Entry<Kind, List<RankedEntry>>>of(
        Map.entry(Kind.VECTOR, List.of(byVector(A, 0.5), byVector(B, 0.2))),
        Map.entry(Kind.KEYWORD, List.of(byWords(A, Double.NaN))));

    assertThat(ids(fusion(SearchSettings.Fusion.CONVEX, 0.5).fuse(lists))).containsExactly(B, A);
  }

  @Test
  void aSectionThatMatchesInSeveralChunksRanksAboveOneThatMatchesInOne() {
    UUID one = new UUID(1, 0);
    UUID two = new UUID(2, 0);
    UUID d1 = new UUID(0, 11);
    UUID d2 = new UUID(0, 12);
    // section "one": a single chunk, the nearest; section "two": two chunks just behind it; then
    // ten
    // sections far behind, and one whose two chunks are the farthest
    var withFar = new java.util.ArrayList<>(
        List.of(chunk(A, one, 0.10), chunk(B, two, 0.12), chunk(C, two, 0.13)));
    for (int i = 0; i < 10; i++) {
      withFar.add(chunk(new UUID(0, 100 + i), new UUID(9, i), 0.50 + i / 100.0));
    }
    withFar.add(chunk(d1, new UUID(8, 1), 0.9));
    withFar.add(chunk(d2, new UUID(8, 1), 0.9));
    var many = List.<Map.Entry<Kind, List<RankedEntry>>>of(
        Map.entry(Kind.VECTOR, withFar), Map.entry(Kind.KEYWORD, List.of()));

    // alone, each chunk is scored by its own distance
    assertThat(ids(fusion(SearchSettings.Fusion.CONVEX, 1.0, 0).fuse(many)).subList(0, 3))
        .containsExactly(A, B, C);
    // with the sibling counted, section "two" passes "one"; its best chunk stays first within it
    assertThat(ids(fusion(SearchSettings.Fusion.CONVEX, 1.0, 0.5).fuse(many)).subList(0, 3))
        .containsExactly(B, C, A);
    // two chunks far below the tenth best add nothing to each other
    List<UUID> fused = ids(fusion(SearchSettings.Fusion.CONVEX, 1.0, 0.5).fuse(many));
    assertThat(fused.subList(fused.size() - 2, fused.size())).containsExactlyInAnyOrder(d1, d2);
  }

  @Test
  void aLoneListKeepsItsOrder() {
    var lone = List.<Map.Entry<Kind, List<RankedEntry>>>of(
        Map.entry(Kind.KEYWORD, List.of(byWords(C, 1.0), byWords(B, 12.0))));

    assertThat(ids(fusion(SearchSettings.Fusion.CONVEX, 0.5).fuse(lone))).containsExactly(C, B);
  }

  @Test
  void settingsRefuseAnUnknownFusionOrAWeightOutsideZeroToOne() {
    assertThat(SearchSettings.Fusion.of(" Convex ")).isEqualTo(SearchSettings.Fusion.CONVEX);
    assertThatThrownBy(() -> SearchSettings.Fusion.of("borda"))
        .hasMessageContaining("rrf or convex");
    assertThatThrownBy(() -> fusion(SearchSettings.Fusion.CONVEX, 1.5))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> fusion(SearchSettings.Fusion.CONVEX, 0.9, -0.1))
        .hasMessageContaining("khoj.search.section-weight");
  }
}
