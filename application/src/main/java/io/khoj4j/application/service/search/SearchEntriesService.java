package io.khoj4j.application.service.search;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.search.SearchEntriesQuery;
import io.khoj4j.application.port.in.search.SearchEntriesUseCase;
import io.khoj4j.application.port.in.search.SearchResult;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.EntryTexts;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.khoj4j.application.port.out.search.Reranker;
import io.khoj4j.domain.search.DateRange;
import io.khoj4j.domain.search.EntryFilter;
import io.khoj4j.domain.search.SearchQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Khoj's search, hybrid: the query's filters are parsed out and applied in the store; the rest of the text is ranked
 * by meaning (nearest vectors, ANN index) and by words (full-text), and the two lists are fused (by reciprocal rank or a convex combination, {@link RankFusion}).
 * Results keep Khoj's shape (cosine distance as {@code score}); a reranker, when configured and asked for, orders the
 * top results by its cross-encoder score.
 */
public final class SearchEntriesService implements SearchEntriesUseCase {

  /** Characters of query text that are embedded; models read far fewer tokens anyway. */
  static final int MAX_EMBEDDED_CHARS = 8_000;
  /** Distinct words sent to the keyword ranker. */
  static final int MAX_KEYWORDS = 64;

  private static final System.Logger LOG = System.getLogger(SearchEntriesService.class.getName());

  private final EmbeddingModel embeddings;
  private final Map<EntryRanker.Kind, EntryRanker> rankers = new HashMap<>();
  private final EntryTexts texts;
  private final Reranker reranker;
  private final DateFilterResolver dates;
  private final Clock clock;
  private final SearchSettings settings;
  /** Runs a task on a free ranker thread, or refuses it. */
  private final Executor rankerThreads;
  /** Runs a task on a free ranker thread, or on the calling thread when none is free. */
  private final Executor rankerExecutor;

  private final RankFusion fusion;

  /** Runs the rankers one after the other on the caller's thread. */
  public SearchEntriesService(
      EmbeddingModel embeddings,
      List<EntryRanker> rankers,
      EntryTexts texts,
      Reranker reranker,
      DateFilterResolver dates,
      Clock clock,
      SearchSettings settings) {
    this(embeddings, rankers, texts, reranker, dates, clock, settings, task -> {
      throw new RejectedExecutionException("no ranker threads");
    });
  }

  /**
   * @param rankerThreads runs every ranker but the first while the caller's thread runs the first, so a hybrid search
   *     takes as long as its slower ranker rather than both. It must refuse a task ({@link RejectedExecutionException})
   *     when it has no thread free, never queue it behind the requests that wait for it: the caller's thread then runs
   *     that ranker itself, and the search does only the work it needs (see {@link #search})
   */
  public SearchEntriesService(
      EmbeddingModel embeddings,
      List<EntryRanker> rankers,
      EntryTexts texts,
      Reranker reranker,
      DateFilterResolver dates,
      Clock clock,
      SearchSettings settings,
      Executor rankerThreads) {
    this.rankerThreads = rankerThreads;
    this.rankerExecutor = task -> {
      try {
        rankerThreads.execute(task);
      } catch (RejectedExecutionException busy) {
        task.run();
      }
    };
    this.texts = texts;
    this.embeddings = embeddings;
    rankers.forEach(r -> this.rankers.put(r.kind(), r));
    this.reranker = reranker;
    this.dates = dates;
    this.clock = clock;
    this.settings = settings;
    this.fusion = new RankFusion(settings);
    for (EntryRanker.Kind kind : settings.mode().rankers()) {
      if (!this.rankers.containsKey(kind)) {
        throw new IllegalArgumentException(
            "search mode " + settings.mode() + " needs a " + kind + " ranker");
      }
    }
  }

  @Override
  public List<SearchResult> search(SearchEntriesQuery query) {
    if (query.q().isBlank()) {
      return List.of();
    }
    SearchQuery parsed = SearchQuery.parse(query.q());
    LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
    DateRange range = dates.resolve(parsed.dateTerms(), today);
    if (range.isEmpty()) {
      return List.of();
    }
    String text = parsed.text().length() > MAX_EMBEDDED_CHARS
        ? parsed.text().substring(0, MAX_EMBEDDED_CHARS)
        : parsed.text();
    int limit = Math.max(settings.candidates(), query.n() * 2);
    EntryRanker.Request withoutVector = new EntryRanker.Request(
        query.owner(),
        keywords(text),
        null,
        embeddings.id(),
        embeddings.dimension(),
        query.type(),
        EntryFilter.of(parsed, range),
        limit,
        query.knowledgeAgent());
    // rankers that need no vector start now and run while the query is embedded
    Map<EntryRanker.Kind, CompletableFuture<List<RankedEntry>>> early = new LinkedHashMap<>();
    Set<EntryRanker.Kind> besideThisThread = new HashSet<>();
    for (EntryRanker.Kind kind : settings.mode().rankers()) {
      if (!kind.needsVector()) {
        Beside<List<RankedEntry>> ranking = beside(() -> rankers.get(kind).rank(withoutVector));
        early.put(kind, ranking.result());
        if (ranking.onRankerThread()) {
          besideThisThread.add(kind);
        }
      }
    }
    float[] vector = embeddings.embedQuery(text);
    EntryTexts.QueryVector queryVector =
        new EntryTexts.QueryVector(vector, embeddings.id(), embeddings.dimension());
    boolean convex = settings.fusion() == SearchSettings.Fusion.CONVEX
        && settings.mode().rankers().size() > 1;
    // a convex fusion scores the keyword hits by their distance too. When the keyword ranking got
    // a ranker thread of its own, that thread reads the distances of all its hits, beside the
    // vector ranking, as soon as both the hits and the query vector are there. When every ranker
    // thread was busy, the server is loaded: the distances are read after the vector ranking, and
    // only of the hits it did not return (withDistances), rather than of all of them
    CompletableFuture<Map<UUID, Double>> wordDistances =
        convex && besideThisThread.contains(EntryRanker.Kind.KEYWORD)
            ? early
                .get(EntryRanker.Kind.KEYWORD)
                .thenApplyAsync(
                    hits -> hits.isEmpty()
                        ? Map.<UUID, Double>of()
                        : texts.distancesOf(
                            query.owner(),
                            query.knowledgeAgent(),
                            hits.stream().map(RankedEntry::id).toList(),
                            queryVector),
                    rankerExecutor)
            : null;
    var lists = rank(withoutVector.withVector(vector), early);
    if (convex) {
      lists = withDistances(
          query, lists, queryVector, wordDistances == null ? Map.of() : join(wordDistances));
    }
    return results(query, text, fusion.fuse(lists), queryVector);
  }

  /**
   * The lists with the vector distance of the entries only the keyword ranker found, so that a convex combination
   * scores every entry on both signals rather than counting a missing distance as the farthest: {@code known} holds
   * those read beside the vector ranking; any still missing are read in one query.
   */
  private List<Map.Entry<EntryRanker.Kind, List<RankedEntry>>> withDistances(
      SearchEntriesQuery query,
      List<Map.Entry<EntryRanker.Kind, List<RankedEntry>>> lists,
      EntryTexts.QueryVector queryVector,
      Map<UUID, Double> known) {
    // an entry another list ranked by distance (the vector ranking) needs no read
    Map<UUID, Double> distances = new HashMap<>(known);
    lists.forEach(l -> l.getValue().forEach(e -> {
      if (!Double.isNaN(e.distance())) {
        distances.putIfAbsent(e.id(), e.distance());
      }
    }));
    List<UUID> unknown = lists.stream()
        .flatMap(l -> l.getValue().stream())
        .filter(e -> Double.isNaN(e.distance()) && !distances.containsKey(e.id()))
        .map(RankedEntry::id)
        .distinct()
        .toList();
    if (!unknown.isEmpty()) {
      distances.putAll(
          texts.distancesOf(query.owner(), query.knowledgeAgent(), unknown, queryVector));
    }
    if (distances.isEmpty()) {
      return lists;
    }
    return lists.stream()
        .<Map.Entry<EntryRanker.Kind, List<RankedEntry>>>map(l -> Map.entry(
            l.getKey(),
            l.getValue().stream()
                .map(e -> Double.isNaN(e.distance()) && distances.containsKey(e.id())
                    ? new RankedEntry(
                        e.id(), e.corpusId(), e.hash(), distances.get(e.id()), e.score())
                    : e)
                .toList()))
        .toList();
  }

  /** The first {@code n} of the fused list with their texts, reordered by the reranker when asked and available. */
  private List<SearchResult> results(
      SearchEntriesQuery query,
      String text,
      List<RankedEntry> ranked,
      EntryTexts.QueryVector queryVector) {
    if (query.rerank() && reranker.available() && ranked.size() > 1) {
      List<Hit> top = select(query, ranked, Math.max(query.n() * 3, 20), queryVector);
      if (top.size() > 1) {
        try {
          return rerank(text, top, query.n());
        } catch (UpstreamFailureException e) {
          LOG.log(
              System.Logger.Level.WARNING,
              "Reranker failed, returning the ranking order: {0}",
              e.getMessage());
        }
      }
      return top.stream().limit(query.n()).map(h -> result(h, null)).toList();
    }
    return select(query, ranked, query.n(), queryVector).stream()
        .map(h -> result(h, null))
        .toList();
  }

  /** A ranked entry with its text and its distance to the query vector (from the ranker, else with the text). */
  private record Hit(RankedEntry entry, EntryTexts.EntryText text, double distance) {}

  /**
   * The first {@code count} entries of the fused list that pass the query's distance limit and dedupe, with their text
   * (read in one query; again for the next ones if some were deleted since they were ranked). A distance limit needs
   * the distance of the entries no vector ranker found: read first, for those alone, in one query.
   */
  private List<Hit> select(
      SearchEntriesQuery query,
      List<RankedEntry> ranked,
      int count,
      EntryTexts.QueryVector queryVector) {
    return withTexts(query, passing(query, ranked, queryVector), count, queryVector);
  }

  /** The ranked entries within the query's distance limit, without repeated sections or texts when it dedupes. */
  private List<RankedEntry> passing(
      SearchEntriesQuery query, List<RankedEntry> ranked, EntryTexts.QueryVector queryVector) {
    Map<UUID, Double> distances = new HashMap<>();
    if (query.maxDistance().isPresent()) {
      List<UUID> unknown = ranked.stream()
          .filter(e -> Double.isNaN(e.distance()))
          .map(RankedEntry::id)
          .toList();
      if (!unknown.isEmpty()) {
        distances.putAll(
            texts.distancesOf(query.owner(), query.knowledgeAgent(), unknown, queryVector));
      }
    }
    List<RankedEntry> kept = new ArrayList<>();
    Set<UUID> seenSections = new HashSet<>();
    Set<String> seenTexts = new HashSet<>();
    for (RankedEntry e : ranked) {
      double distance =
          Double.isNaN(e.distance()) ? distances.getOrDefault(e.id(), Double.NaN) : e.distance();
      if (query.maxDistance().isPresent() && !(distance <= query.maxDistance().get())) {
        continue;
      }
      if (query.dedupe()) {
        boolean newSection = seenSections.add(e.corpusId());
        boolean newText = seenTexts.add(e.hash());
        if (!newSection || !newText) {
          continue;
        }
      }
      kept.add(e);
    }
    return kept;
  }

  /** The first {@code count} of {@code kept} whose text is still there, read a window at a time. */
  private List<Hit> withTexts(
      SearchEntriesQuery query,
      List<RankedEntry> kept,
      int count,
      EntryTexts.QueryVector queryVector) {
    List<Hit> hits = new ArrayList<>();
    int next = 0;
    while (hits.size() < count && next < kept.size()) {
      List<RankedEntry> window =
          kept.subList(next, Math.min(kept.size(), next + count - hits.size()));
      next += window.size();
      Map<UUID, EntryTexts.EntryText> found = texts.textsOf(
          query.owner(),
          query.knowledgeAgent(),
          window.stream().map(RankedEntry::id).toList(),
          queryVector);
      for (RankedEntry e : window) {
        EntryTexts.EntryText t = found.get(e.id());
        if (t != null) {
          hits.add(new Hit(e, t, Double.isNaN(e.distance()) ? t.distance() : e.distance()));
        }
      }
    }
    return hits;
  }

  /**
   * Each ranker's list, in the mode's order: those that need no vector were started before the query was embedded;
   * of the others, the first runs on this thread and the rest beside it.
   */
  private List<Map.Entry<EntryRanker.Kind, List<RankedEntry>>> rank(
      EntryRanker.Request request,
      Map<EntryRanker.Kind, CompletableFuture<List<RankedEntry>>> early) {
    Map<EntryRanker.Kind, CompletableFuture<List<RankedEntry>>> running = new HashMap<>(early);
    List<EntryRanker.Kind> byVector =
        settings.mode().rankers().stream().filter(EntryRanker.Kind::needsVector).toList();
    for (EntryRanker.Kind kind : byVector.stream().skip(1).toList()) {
      running.put(kind, beside(() -> rankers.get(kind).rank(request)).result());
    }
    if (!byVector.isEmpty()) {
      EntryRanker first = rankers.get(byVector.getFirst());
      running.put(byVector.getFirst(), CompletableFuture.completedFuture(first.rank(request)));
    }
    return settings.mode().rankers().stream()
        .map(kind -> Map.entry(kind, join(running.get(kind))))
        .toList();
  }

  /** What {@link #beside} started: its result, and whether a ranker thread runs it. */
  private record Beside<T>(CompletableFuture<T> result, boolean onRankerThread) {}

  /**
   * Starts {@code work} on a free ranker thread, or runs it here when none is free; either way a failure surfaces when
   * the result is joined.
   */
  private <T> Beside<T> beside(Supplier<T> work) {
    try {
      return new Beside<>(CompletableFuture.supplyAsync(work, rankerThreads), true);
    } catch (RejectedExecutionException busy) {
      try {
        return new Beside<>(CompletableFuture.completedFuture(work.get()), false);
      } catch (RuntimeException e) {
        return new Beside<>(CompletableFuture.failedFuture(e), false);
      }
    }
  }

  private static <T> T join(CompletableFuture<T> ranking) {
    try {
      return ranking.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * The first {@code n} of {@code top} ordered by {@code w·r + (1 − w)·f}: {@code r} the reranker's relevance and
   * {@code f} the first stage's score (the fused score, or the closeness of a lone vector ranking), each scaled to
   * [0, 1] between its lowest and highest value among {@code top}, so neither signal's scale decides; a signal with no
   * spread adds nothing, and ties keep the first stage's order.
   */
  private List<SearchResult> rerank(String text, List<Hit> top, int n) {
    List<Double> relevance =
        reranker.relevance(text, top.stream().map(h -> h.text().compiled()).toList());
    double w = settings.rerankWeight();
    double[] byReranker =
        scaled(relevance.stream().mapToDouble(Double::doubleValue).toArray());
    double[] byFirstStage =
        scaled(top.stream().mapToDouble(SearchEntriesService::firstStage).toArray());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> -(w * byReranker[i] + (1 - w) * byFirstStage[i])));
    return order.stream()
        .limit(n)
        .map(i -> result(top.get(i), 1.0 - relevance.get(i)))
        .toList();
  }

  /** What the first stage ranked a hit by, higher is better: the fused score, else its closeness to the query. */
  private static double firstStage(Hit h) {
    double score = h.entry().score();
    return Double.isNaN(score) ? -h.distance() : score;
  }

  /** Each value scaled to [0, 1] between the lowest and the highest; all 0 when they are equal (or unknown). */
  private static double[] scaled(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    double[] out = new double[values.length];
    if (max > min) {
      for (int i = 0; i < values.length; i++) {
        out[i] = Double.isNaN(values[i]) ? 0 : (values[i] - min) / (max - min);
      }
    }
    return out;
  }

  private static SearchResult result(Hit h, Double crossScore) {
    RankedEntry e = h.entry();
    EntryTexts.EntryText t = h.text();
    return new SearchResult(
        t.raw(),
        h.distance(),
        crossScore,
        t.source(),
        t.file(),
        t.uri(),
        t.compiled(),
        t.heading(),
        e.corpusId());
  }

  /** The distinct words of the text, for the keyword ranker (filters were already taken out). */
  static String keywords(String text) {
    Set<String> words = new java.util.LinkedHashSet<>();
    for (String w : text.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && words.size() < MAX_KEYWORDS) {
        words.add(w.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return String.join(" ", words);
  }
}
