package io.khoj4j.application.port.out.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.content.StoredChunk;
import io.khoj4j.application.port.out.embedding.FakeEmbeddingModel;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.content.Chunk;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.search.DateRange;
import io.khoj4j.domain.search.EntryFilter;
import io.khoj4j.domain.search.SearchQuery;
import io.khoj4j.domain.user.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EntryRanker} must do, over entries written through the {@link EntryRepository} it ranks. Vectors
 * are the {@link FakeEmbeddingModel}'s (64 dimensions, model id {@code fake-bag-of-words}).
 */
public abstract class EntryRankerContract {

  protected abstract EntryRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract UserId newOwner();

  protected abstract EntryRanker vectorRanker();

  protected abstract EntryRanker keywordRanker();

  protected abstract EntryTexts texts();

  private static final FakeEmbeddingModel MODEL = new FakeEmbeddingModel();
  private UserId alice;
  private UserId bob;
  private UUID bobsTea;

  @BeforeEach
  void data() {
    alice = newOwner();
    bob = newOwner();
    add(
        alice,
        "/notes/tea.md",
        ContentType.MARKDOWN,
        "green tea ceremony in Kyoto",
        LocalDate.of(2024, 3, 5));
    add(alice, "/notes/coffee.md", ContentType.MARKDOWN, "espresso coffee beans roasting", null);
    add(
        alice,
        "/org/garden.org",
        ContentType.ORG,
        "planting tomato seeds in the garden",
        LocalDate.of(2023, 6, 1));
    add(
        alice,
        "/journal/2024.md",
        ContentType.MARKDOWN,
        "tea with grandmother, coffee later",
        null);
    bobsTea = add(bob, "/notes/tea.md", ContentType.MARKDOWN, "green tea secrets of bob", null);
  }

  protected UUID add(UserId owner, String file, ContentType type, String text, LocalDate date) {
    Chunk chunk = new Chunk(text, text, "", file, "file://" + file, ContentHash.of(file + text), 0);
    StoredChunk stored = new StoredChunk(
        UUID.randomUUID(),
        chunk,
        type,
        ContentSource.COMPUTER,
        UUID.randomUUID(),
        MODEL.embedQuery(text),
        MODEL.id(),
        date == null ? Set.of() : Set.of(date));
    unitOfWork().run(() -> repository().insertChunks(owner, file, List.of(stored)));
    return stored.id();
  }

  protected List<RankedEntry> rank(
      EntryRanker ranker,
      UserId owner,
      String query,
      EntryFilter filter,
      Optional<ContentType> type) {
    float[] vector = ranker.kind().needsVector() ? MODEL.embedQuery(query) : null;
    return ranker.rank(new EntryRanker.Request(
        owner, query, vector, MODEL.id(), FakeEmbeddingModel.DIMENSION, type, filter, 10));
  }

  /** The file of one of alice's ranked entries (rankers return ids; files are read with the texts). */
  protected String fileOf(RankedEntry hit) {
    return fileOf(alice, hit);
  }

  /** The file of one of {@code owner}'s ranked entries. */
  protected String fileOf(UserId owner, RankedEntry hit) {
    EntryTexts.EntryText text =
        texts().textsOf(owner, List.of(hit.id()), queryVector("file")).get(hit.id());
    assertThat(text).as("the text of ranked entry %s", hit.id()).isNotNull();
    return text.file();
  }

  private static EntryTexts.QueryVector queryVector(String query) {
    return new EntryTexts.QueryVector(
        MODEL.embedQuery(query), MODEL.id(), FakeEmbeddingModel.DIMENSION);
  }

  private static EntryFilter filter(String q, DateRange dates) {
    return EntryFilter.of(SearchQuery.parse(q), dates);
  }

  @Test
  void vectorRankingIsByDistanceAndOnlyTheOwners() {
    List<RankedEntry> hits = rank(
        vectorRanker(), alice, "green tea ceremony in Kyoto", EntryFilter.NONE, Optional.empty());

    assertThat(hits).hasSize(4);
    assertThat(fileOf(hits.getFirst())).isEqualTo("/notes/tea.md");
    assertThat(hits).extracting(RankedEntry::id).doesNotContain(bobsTea);
    assertThat(hits).extracting(RankedEntry::distance).isSorted();
    assertThat(hits.getFirst().distance()).isLessThan(0.01);
  }

  @Test
  void keywordRankingFindsTheWordsAndOnlyTheOwners() {
    List<RankedEntry> hits =
        rank(keywordRanker(), alice, "espresso", EntryFilter.NONE, Optional.empty());

    assertThat(hits).extracting(this::fileOf).containsExactly("/notes/coffee.md");
    assertThat(rank(keywordRanker(), bob, "espresso", EntryFilter.NONE, Optional.empty()))
        .isEmpty();
  }

  @Test
  void textsAreReadForTheOwnersEntriesOnly() {
    UUID kyoto = rank(
            vectorRanker(),
            alice,
            "green tea ceremony in Kyoto",
            EntryFilter.NONE,
            Optional.empty())
        .getFirst()
        .id();

    var q = queryVector("green tea ceremony in Kyoto");
    var found = texts().textsOf(alice, List.of(kyoto, bobsTea, UUID.randomUUID()), q);
    assertThat(found).containsOnlyKeys(kyoto);
    assertThat(found.get(kyoto)).satisfies(t -> {
      assertThat(List.of(t.raw(), t.compiled(), t.heading(), t.uri()))
          .containsExactly(
              "green tea ceremony in Kyoto",
              "green tea ceremony in Kyoto",
              "",
              "file:///notes/tea.md");
      assertThat(t.distance()).isLessThan(0.01);
    });
    assertThat(texts().textsOf(bob, List.of(kyoto), q)).isEmpty();
    assertThat(texts().textsOf(alice, List.of(), q)).isEmpty();
  }

  @Test
  void keywordHitsCarryNoDistanceTheirTextsDo() {
    List<RankedEntry> hits =
        rank(keywordRanker(), alice, "espresso", EntryFilter.NONE, Optional.empty());
    assertThat(hits).singleElement().satisfies(h -> assertThat(h.distance()).isNaN());
    UUID coffee = hits.getFirst().id();

    var near = texts()
        .textsOf(alice, List.of(coffee), queryVector("espresso coffee beans roasting"))
        .get(coffee);
    var far =
        texts().textsOf(alice, List.of(coffee), queryVector("tomato garden")).get(coffee);
    var otherModel = texts()
        .textsOf(
            alice,
            List.of(coffee),
            new EntryTexts.QueryVector(
                MODEL.embedQuery("espresso"), "some-other-model", FakeEmbeddingModel.DIMENSION))
        .get(coffee);

    assertThat(near.distance()).isLessThan(0.01);
    assertThat(far.distance()).isGreaterThan(near.distance() + 0.5);
    assertThat(otherModel.distance()).isNaN();

    var distances = texts()
        .distancesOf(
            alice,
            List.of(coffee, bobsTea, UUID.randomUUID()),
            queryVector("espresso coffee beans roasting"));
    assertThat(distances).containsOnlyKeys(coffee);
    assertThat(distances.get(coffee)).isEqualTo(near.distance());
    assertThat(texts()
            .distancesOf(
                alice,
                List.of(coffee),
                new EntryTexts.QueryVector(
                    MODEL.embedQuery("espresso"),
                    "some-other-model",
                    FakeEmbeddingModel.DIMENSION)))
        .isEmpty();
  }

  @Test
  void typeFilter() {
    assertThat(
            rank(vectorRanker(), alice, "garden", EntryFilter.NONE, Optional.of(ContentType.ORG)))
        .extracting(this::fileOf)
        .containsExactly("/org/garden.org");
    assertThat(rank(keywordRanker(), alice, "tea", EntryFilter.NONE, Optional.of(ContentType.ORG)))
        .isEmpty();
  }

  @Test
  void wordFilters() {
    for (EntryRanker ranker : List.of(vectorRanker(), keywordRanker())) {
      assertThat(rank(
              ranker,
              alice,
              "tea",
              filter("+\"Coffee\" -\"espresso\"", DateRange.ALL),
              Optional.empty()))
          .extracting(this::fileOf)
          .containsExactly("/journal/2024.md");
    }
  }

  @Test
  void fileFiltersIncludesOrExcludesAnd() {
    assertThat(rank(
            vectorRanker(),
            alice,
            "tea",
            filter("file:\"tea.md\" file:\"*.org\"", DateRange.ALL),
            Optional.empty()))
        .extracting(this::fileOf)
        .containsExactlyInAnyOrder("/notes/tea.md", "/org/garden.org");
    assertThat(rank(
            vectorRanker(),
            alice,
            "tea",
            filter("-file:\"notes/*\" -file:\"*.org\"", DateRange.ALL),
            Optional.empty()))
        .extracting(this::fileOf)
        .containsExactly("/journal/2024.md");
  }

  @Test
  void fileGlobsTreatRegexCharactersLiterally() {
    assertThat(rank(
            vectorRanker(),
            alice,
            "tea",
            filter("file:\"(tea|coffee).md\"", DateRange.ALL),
            Optional.empty()))
        .isEmpty();
    assertThat(rank(
            vectorRanker(),
            alice,
            "tea",
            filter("file:\"t?a.md\"", DateRange.ALL),
            Optional.empty()))
        .extracting(this::fileOf)
        .containsExactly("/notes/tea.md");
  }

  @Test
  void dateFilterMatchesMentionedDates() {
    DateRange march = DateRange.between(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1));
    for (EntryRanker ranker : List.of(vectorRanker(), keywordRanker())) {
      assertThat(rank(
              ranker,
              alice,
              "tea garden",
              EntryFilter.of(SearchQuery.parse("tea garden"), march),
              Optional.empty()))
          .extracting(this::fileOf)
          .containsExactly("/notes/tea.md");
    }
  }

  @Test
  void entriesOfAnotherModelAreNotRankedByVector() {
    List<RankedEntry> hits = vectorRanker()
        .rank(new EntryRanker.Request(
            alice,
            "tea",
            MODEL.embedQuery("tea"),
            "some-other-model",
            FakeEmbeddingModel.DIMENSION,
            Optional.empty(),
            EntryFilter.NONE,
            10));

    assertThat(hits).isEmpty();
  }
}
