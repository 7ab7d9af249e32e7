package io.khoj4j.application.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.port.in.search.SearchEntriesQuery;
import io.khoj4j.application.port.in.search.SearchResult;
import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.application.port.out.content.StoredChunk;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.embedding.FakeEmbeddingModel;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.EntryTexts;
import io.khoj4j.application.port.out.search.InMemoryEntryTexts;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.khoj4j.application.port.out.search.Reranker;
import io.khoj4j.domain.content.Chunk;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchEntriesServiceTest {

  private final ExecutorService pool =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "ranker-pool"));
  private final Map<EntryRanker.Kind, String> threads = new ConcurrentHashMap<>();
  private final UserId owner = new UserId(UUID.randomUUID());
  private final InMemoryEntryRepository entries = new InMemoryEntryRepository();
  private final RankedEntry tea = entry("/tea.md", 0.2);
  private final RankedEntry coffee = entry("/coffee.md", 0.4);
  private final RankedEntry garden = entry("/garden.md", 0.5);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void hybridFusesBothListsAndRunsTheSecondRankerBesideTheFirst() {
    // tea is in both lists, so it leads; coffee and garden tie on fused rank, the nearer (coffee)
    // first
    EntryRanker vector = ranker(EntryRanker.Kind.VECTOR, r -> List.of(coffee, tea));
    EntryRanker keyword = ranker(EntryRanker.Kind.KEYWORD, r -> List.of(garden, tea));

    List<String> sequential = files(service(vector, keyword, Runnable::run).search(query()));
    assertThat(threads)
        .containsEntry(EntryRanker.Kind.KEYWORD, Thread.currentThread().getName());

    List<String> parallel = files(service(vector, keyword, pool).search(query()));
    assertThat(threads)
        .containsEntry(EntryRanker.Kind.VECTOR, Thread.currentThread().getName())
        .containsEntry(EntryRanker.Kind.KEYWORD, "ranker-pool");
    assertThat(parallel)
        .isEqualTo(sequential)
        .containsExactly("/tea.md", "/coffee.md", "/garden.md");
  }

  @Test
  void resultsCarryTheTextReadForThemAndLeaveOutEntriesDeletedSinceRanking() {
    EntryRanker vector = ranker(EntryRanker.Kind.VECTOR, r -> List.of(coffee, tea, garden));
    EntryRanker keyword = ranker(EntryRanker.Kind.KEYWORD, r -> List.of());
    entries.deleteFile(owner, "/tea.md");

    List<SearchResult> results = service(vector, keyword, Runnable::run).search(query());

    assertThat(results).extracting(SearchResult::file).containsExactly("/coffee.md", "/garden.md");
    assertThat(results.getFirst().entry()).isEqualTo("text of /coffee.md");
    assertThat(results.getFirst().compiled()).isEqualTo("compiled /coffee.md");
    assertThat(results.getFirst().uri()).isEqualTo("file:///coffee.md");
  }

  @Test
  void theKeywordRankerRunsWhileTheQueryIsEmbedded() {
    CountDownLatch keywordRanking = new CountDownLatch(1);
    AtomicBoolean overlapped = new AtomicBoolean();
    FakeEmbeddingModel fake = new FakeEmbeddingModel();
    EmbeddingModel waitsForTheKeywordRanker = new EmbeddingModel() {
      @Override
      public String id() {
        return fake.id();
      }

      @Override
      public int dimension() {
        return fake.dimension();
      }

      @Override
      public List<float[]> embedDocuments(List<String> texts) {
        return fake.embedDocuments(texts);
      }

      @Override
      public float[] embedQuery(String text) {
        try {
          overlapped.set(keywordRanking.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return fake.embedQuery(text);
      }
    };
    List<float[]> keywordVectors = new ArrayList<>();
    EntryRanker vector = ranker(EntryRanker.Kind.VECTOR, r -> List.of(tea));
    EntryRanker keyword = ranker(EntryRanker.Kind.KEYWORD, r -> {
      keywordVectors.add(r.vector());
      keywordRanking.countDown();
      return List.of(garden);
    });

    List<SearchResult> results =
        service(waitsForTheKeywordRanker, vector, keyword, pool).search(query());

    assertThat(overlapped)
        .as("the keyword ranker was called before the query's embedding finished")
        .isTrue();
    assertThat(keywordVectors).containsExactly((float[]) null);
    assertThat(files(results)).containsExactly("/tea.md", "/garden.md");
  }

  @Test
  void keywordOnlyHitsTakeTheirDistanceFromTheirTextAndMeetTheDistanceLimitByIt() {
    RankedEntry near = embedded("/near.md", "green tea");
    RankedEntry far = embedded("/far.md", "tomato seeds in the garden");
    EntryRanker vector = ranker(EntryRanker.Kind.VECTOR, r -> List.of());
    EntryRanker keyword = ranker(EntryRanker.Kind.KEYWORD, r -> List.of(far, near));
    SearchEntriesService service = service(vector, keyword, pool);

    List<SearchResult> all = service.search(query());
    List<SearchResult> close = service.search(new SearchEntriesQuery(
        owner, "green tea", 10, Optional.empty(), false, Optional.of(0.5), false));

    // the default convex fusion reads their distances first and, with no keyword score between
    // them, orders by it
    assertThat(all).extracting(SearchResult::file).containsExactly("/near.md", "/far.md");
    assertThat(all.get(0).score()).isLessThan(0.01);
    assertThat(all.get(1).score()).isGreaterThan(0.9);
    assertThat(close).extracting(SearchResult::file).containsExactly("/near.md");
  }

  @Test
  void theKeywordHitsDistancesAreReadWhileTheVectorsRank() {
    RankedEntry near = embedded("/near.md", "green tea");
    RankedEntry far = embedded("/far.md", "tomato seeds in the garden");
    CountDownLatch distancesRead = new CountDownLatch(1);
    AtomicBoolean overlapped = new AtomicBoolean();
    List<String> readOn = new ArrayList<>();
    EntryTexts signalling = distancesWatched(ids -> {
      readOn.add(Thread.currentThread().getName());
      distancesRead.countDown();
    });
    // the vector ranker finishes only once the keyword hits' distances are being read
    EntryRanker vector = ranker(EntryRanker.Kind.VECTOR, r -> {
      try {
        overlapped.set(distancesRead.await(5, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    });
    EntryRanker keyword = ranker(EntryRanker.Kind.KEYWORD, r -> List.of(far, near));

    List<SearchResult> results =
        service(new FakeEmbeddingModel(), vector, keyword, pool, signalling).search(query());

    assertThat(overlapped).as("distances read while the vector ranker ran").isTrue();
    assertThat(readOn).as("one read, beside the vector ranker").containsExactly("ranker-pool");
    assertThat(results).extracting(SearchResult::file).containsExactly("/near.md", "/far.md");
  }

  @Test
  void withEveryRankerThreadBusyThisThreadRanksAndReadsOnlyTheDistancesTheVectorsLeftOut() {
    RankedEntry near = embedded("/near.md", "green tea");
    RankedEntry far = embedded("/far.md", "tomato seeds in the garden");
    RankedEntry nearByVector = new RankedEntry(near.id(), near.corpusId(), near.hash(), 0.01);
    List<List<UUID>> distanceReads = new ArrayList<>();
    List<String> readOn = new ArrayList<>();
    EntryTexts recording = distancesWatched(ids -> {
      distanceReads.add(List.copyOf(ids));
      readOn.add(Thread.currentThread().getName());
    });
    EntryRanker vector = ranker(EntryRanker.Kind.VECTOR, r -> List.of(nearByVector));
    EntryRanker keyword = ranker(EntryRanker.Kind.KEYWORD, r -> List.of(far, near));
    java.util.concurrent.Executor busy = task -> {
      throw new java.util.concurrent.RejectedExecutionException("every ranker thread is busy");
    };

    List<String> loaded = files(
        service(new FakeEmbeddingModel(), vector, keyword, busy, recording).search(query()));

    assertThat(threads)
        .containsEntry(EntryRanker.Kind.KEYWORD, Thread.currentThread().getName());
    assertThat(distanceReads)
        .as("one read, of the hit the vector ranking did not return")
        .containsExactly(List.of(far.id()));
    assertThat(readOn).containsExactly(Thread.currentThread().getName());

    distanceReads.clear();
    List<String> idle = files(
        service(new FakeEmbeddingModel(), vector, keyword, pool, recording).search(query()));

    assertThat(distanceReads)
        .as("with a free ranker thread, all the words' hits, read beside the vector ranking")
        .containsExactly(List.of(far.id(), near.id()));
    assertThat(loaded).isEqualTo(idle).containsExactly("/near.md", "/far.md");
  }

  @Test
  void dedupeIsDecidedBeforeAnyTextIsReadAndDeletedEntriesAreReplacedByTheNextOnes() {
    // n = 2: tea's copy shares its section and is dropped without being read; coffee was deleted
    // since ranking, so
    // garden takes its place in a second read
    RankedEntry copyOfTea =
        new RankedEntry(entry("/tea-copy.md", 0.3).id(), tea.corpusId(), "another hash", 0.3);
    List<List<UUID>> reads = new ArrayList<>();
    SearchEntriesService service =
        byVectorAlone(List.of(tea, copyOfTea, coffee, garden), textsRecordingReads(reads));

    List<String> before = files(service.search(firstTwo(true)));
    int readsBefore = reads.size();
    entries.deleteFile(owner, "/coffee.md");
    List<String> after = files(service.search(firstTwo(true)));

    assertThat(before).containsExactly("/tea.md", "/coffee.md");
    assertThat(readsBefore).as("one read when nothing was deleted").isEqualTo(1);
    assertThat(reads.getFirst()).containsExactly(tea.id(), coffee.id());
    assertThat(after).containsExactly("/tea.md", "/garden.md");
    assertThat(reads.subList(readsBefore, reads.size()))
        .containsExactly(List.of(tea.id(), coffee.id()), List.of(garden.id()));
  }

  @Test
  void aRepeatedTextIsDroppedBeforeAnyTextIsRead() {
    // the same passage in another file (another section, the same content hash) ranks second: a
    // corpus synced twice holds every text twice, so texts are never read to find the repeats
    RankedEntry sameAsTea = entry("/tea-again.md", 0.25, ContentHash.of("/tea.md"));
    List<List<UUID>> reads = new ArrayList<>();
    SearchEntriesService service =
        byVectorAlone(List.of(tea, sameAsTea, coffee, garden), textsRecordingReads(reads));

    assertThat(files(service.search(firstTwo(true)))).containsExactly("/tea.md", "/coffee.md");
    assertThat(reads).containsExactly(List.of(tea.id(), coffee.id()));
    assertThat(files(service.search(firstTwo(false)))).containsExactly("/tea.md", "/tea-again.md");
  }

  @Test
  void aFailureOfTheRankerRunningBesideSurfacesAsItself() {
    EntryRanker vector = ranker(EntryRanker.Kind.VECTOR, r -> List.of(tea));
    EntryRanker keyword = ranker(EntryRanker.Kind.KEYWORD, r -> {
      throw new IllegalStateException("keyword search failed: connection refused");
    });
    assertThatThrownBy(() -> service(vector, keyword, pool).search(query()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("keyword search failed: connection refused");
  }

  /**
   * The first stage ranks tea, coffee, garden (closest first); this reranker prefers garden, then coffee, and finds
   * tea nearly irrelevant.
   */
  private final Reranker disagrees = reranker(
      Map.of("compiled /tea.md", 0.1, "compiled /coffee.md", 0.9, "compiled /garden.md", 0.95));

  @Test
  void theRerankerAloneOrdersTheResultsAtWeightOne() {
    List<SearchResult> results = reranking(disagrees, 1.0).search(rerankQuery());

    assertThat(files(results)).containsExactly("/garden.md", "/coffee.md", "/tea.md");
    assertThat(results)
        .extracting(SearchResult::crossScore)
        .containsExactly(1 - 0.95, 1 - 0.9, 1 - 0.1);
  }

  @Test
  void aWeightBelowOneCombinesTheRerankersRelevanceWithTheFirstStagesScore() {
    // scaled over the three: first stage tea 1, coffee 1/3, garden 0; reranker tea 0, coffee
    // 0.94, garden 1. Half each: coffee 0.64 leads, tea and garden tie at 0.5 and keep the first
    // stage's order
    assertThat(files(reranking(disagrees, 0.5).search(rerankQuery())))
        .containsExactly("/coffee.md", "/tea.md", "/garden.md");
    assertThat(files(reranking(disagrees, 0).search(rerankQuery())))
        .containsExactly("/tea.md", "/coffee.md", "/garden.md");
  }

  @Test
  void aRerankerWithNoOpinionLeavesTheFirstStagesOrder() {
    Reranker constant = reranker(
        Map.of("compiled /tea.md", 0.5, "compiled /coffee.md", 0.5, "compiled /garden.md", 0.5));

    assertThat(files(reranking(constant, 0.7).search(rerankQuery())))
        .containsExactly("/tea.md", "/coffee.md", "/garden.md");
    assertThat(files(reranking(constant, 1.0).search(rerankQuery())))
        .containsExactly("/tea.md", "/coffee.md", "/garden.md");
  }

  @Test
  void aFailingRerankerLeavesTheFirstStagesOrderAndLosesNoResult() {
    Reranker failing = reranker(documents -> {
      throw new io.khoj4j.application.error.UpstreamFailureException(
          "reranker answered HTTP 503", true, null);
    });

    List<SearchResult> results = reranking(failing, 0.7).search(rerankQuery());

    assertThat(files(results)).containsExactly("/tea.md", "/coffee.md", "/garden.md");
    assertThat(results).extracting(SearchResult::crossScore).containsOnlyNulls();
  }

  @Test
  void aSearchNotAskingForRerankingNeverCallsTheReranker() {
    List<Integer> asked = new ArrayList<>();
    Reranker counting = reranker(documents -> {
      asked.add(documents.size());
      return documents.stream().map(d -> 0.5).toList();
    });

    reranking(counting, 0.7).search(query());

    assertThat(asked).isEmpty();
  }

  /** A reranker scoring each compiled text from the table, in the order the texts are sent. */
  private static Reranker reranker(Map<String, Double> relevance) {
    return reranker(documents -> documents.stream().map(relevance::get).toList());
  }

  /** A configured reranker whose relevance for the documents sent is {@code scores}'s answer. */
  private static Reranker reranker(Function<List<String>, List<Double>> scores) {
    return new Reranker() {
      @Override
      public boolean available() {
        return true;
      }

      @Override
      public List<Double> relevance(String query, List<String> documents) {
        return scores.apply(documents);
      }
    };
  }

  /** The vector ranker finds tea, coffee, garden; the words find nothing. */
  private SearchEntriesService reranking(Reranker reranker, double weight) {
    SearchSettings d = SearchSettings.defaults();
    return new SearchEntriesService(
        new FakeEmbeddingModel(),
        List.of(
            ranker(EntryRanker.Kind.VECTOR, r -> List.of(tea, coffee, garden)),
            ranker(EntryRanker.Kind.KEYWORD, r -> List.of())),
        new InMemoryEntryTexts(entries),
        reranker,
        new DateFilterResolver((phrase, today, forward) -> Optional.empty()),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
        new SearchSettings(
            d.mode(),
            d.candidates(),
            d.fusion(),
            d.rrfK(),
            d.keywordWeight(),
            d.vectorWeight(),
            d.sectionWeight(),
            d.zone(),
            weight),
        Runnable::run);
  }

  private SearchEntriesQuery rerankQuery() {
    return new SearchEntriesQuery(
        owner, "green tea", 10, Optional.empty(), true, Optional.empty(), false);
  }

  private SearchEntriesService service(
      EntryRanker vector, EntryRanker keyword, java.util.concurrent.Executor executor) {
    return service(new FakeEmbeddingModel(), vector, keyword, executor);
  }

  private SearchEntriesService service(
      EmbeddingModel model,
      EntryRanker vector,
      EntryRanker keyword,
      java.util.concurrent.Executor executor) {
    return service(model, vector, keyword, executor, new InMemoryEntryTexts(entries));
  }

  private SearchEntriesService service(
      EmbeddingModel model,
      EntryRanker vector,
      EntryRanker keyword,
      java.util.concurrent.Executor executor,
      EntryTexts texts) {
    return new SearchEntriesService(
        model,
        List.of(vector, keyword),
        texts,
        Reranker.NONE,
        new DateFilterResolver((phrase, today, forward) -> Optional.empty()),
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
        SearchSettings.defaults(),
        executor);
  }

  /** The stored entries' texts, telling {@code watcher} the ids of each distance read before it is made. */
  private EntryTexts distancesWatched(
      java.util.function.Consumer<java.util.Collection<UUID>> watcher) {
    InMemoryEntryTexts stored = new InMemoryEntryTexts(entries);
    return new EntryTexts() {
      @Override
      public Map<UUID, EntryText> textsOf(
          UserId owner, Optional<UUID> agent, java.util.Collection<UUID> ids, QueryVector query) {
        return stored.textsOf(owner, agent, ids, query);
      }

      @Override
      public Map<UUID, Double> distancesOf(
          UserId owner, Optional<UUID> agent, java.util.Collection<UUID> ids, QueryVector query) {
        watcher.accept(ids);
        return stored.distancesOf(owner, agent, ids, query);
      }
    };
  }

  private SearchEntriesQuery query() {
    return new SearchEntriesQuery(
        owner, "green tea", 10, Optional.empty(), false, Optional.empty(), false);
  }

  private EntryRanker ranker(
      EntryRanker.Kind kind, Function<EntryRanker.Request, List<RankedEntry>> result) {
    return new EntryRanker() {
      @Override
      public Kind kind() {
        return kind;
      }

      @Override
      public List<RankedEntry> rank(Request request) {
        threads.put(kind, Thread.currentThread().getName());
        return result.apply(request);
      }
    };
  }

  /** A search whose vector ranker finds {@code hits} and whose keyword ranker finds nothing. */
  private SearchEntriesService byVectorAlone(List<RankedEntry> hits, EntryTexts texts) {
    return service(
        new FakeEmbeddingModel(),
        ranker(EntryRanker.Kind.VECTOR, r -> hits),
        ranker(EntryRanker.Kind.KEYWORD, r -> List.of()),
        pool,
        texts);
  }

  /** The first two results for "green tea", with or without repeated sections and texts. */
  private SearchEntriesQuery firstTwo(boolean dedupe) {
    return new SearchEntriesQuery(
        owner, "green tea", 2, Optional.empty(), false, Optional.empty(), dedupe);
  }

  /** The stored entries' texts, each read's ids added to {@code reads}. */
  private EntryTexts textsRecordingReads(List<List<UUID>> reads) {
    InMemoryEntryTexts stored = new InMemoryEntryTexts(entries);
    return new EntryTexts() {
      @Override
      public Map<UUID, EntryText> textsOf(
          UserId owner, Optional<UUID> agent, java.util.Collection<UUID> ids, QueryVector query) {
        reads.add(List.copyOf(ids));
        return stored.textsOf(owner, agent, ids, query);
      }

      @Override
      public Map<UUID, Double> distancesOf(
          UserId owner, Optional<UUID> agent, java.util.Collection<UUID> ids, QueryVector query) {
        return stored.distancesOf(owner, agent, ids, query);
      }
    };
  }

  /** Stores an entry of the owner and returns it as a ranker would. */
  private RankedEntry entry(String file, double distance) {
    return entry(file, distance, ContentHash.of(file));
  }

  /** Stores an entry of the owner whose content has the hash {@code hash}. */
  private RankedEntry entry(String file, double distance, ContentHash hash) {
    Chunk chunk =
        new Chunk("text of " + file, "compiled " + file, "", file, "file://" + file, hash, 0);
    StoredChunk stored = new StoredChunk(
        UUID.randomUUID(),
        chunk,
        ContentType.MARKDOWN,
        ContentSource.COMPUTER,
        UUID.randomUUID(),
        new float[] {1, 0},
        "fake",
        Set.of());
    entries.insertChunks(owner, file, List.of(stored));
    return new RankedEntry(stored.id(), stored.corpusId(), hash.hex(), distance);
  }

  /** Stores an entry embedded by the fake model and returns it as the keyword ranker would: without a distance. */
  private RankedEntry embedded(String file, String text) {
    FakeEmbeddingModel model = new FakeEmbeddingModel();
    Chunk chunk = new Chunk(text, text, "", file, "file://" + file, ContentHash.of(file + text), 0);
    StoredChunk stored = new StoredChunk(
        UUID.randomUUID(),
        chunk,
        ContentType.MARKDOWN,
        ContentSource.COMPUTER,
        UUID.randomUUID(),
        model.embedQuery(text),
        model.id(),
        Set.of());
    entries.insertChunks(owner, file, List.of(stored));
    return new RankedEntry(stored.id(), stored.corpusId(), chunk.hash().hex(), Double.NaN);
  }

  private static List<String> files(List<SearchResult> results) {
    return results.stream().map(SearchResult::file).toList();
  }
}
