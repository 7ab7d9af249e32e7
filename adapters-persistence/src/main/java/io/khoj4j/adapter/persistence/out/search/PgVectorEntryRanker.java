package io.khoj4j.adapter.persistence.out.search;

import io.khoj4j.adapter.persistence.out.content.HnswGraph;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Nearest neighbours by cosine distance, for the current model, in one of two ways (ADR 36):
 *
 * <ul>
 *   <li><b>The HNSW index</b>, with the owner and filters applied during the index scan: pgvector 0.8's iterative
 *       scan keeps reading the graph until enough rows pass them (relaxed order, re-sorted here). Used when the owner
 *       holds a large share of the indexed entries. The walk's list ({@code hnsw.ef_search}) grows with the owner's
 *       entries past {@code khoj.search.vector.ef-search-entries}: a larger graph needs a longer list to find as
 *       many of the true neighbours. A walk that finds fewer entries than asked is followed by the exact scan: the
 *       walk gives up after {@code hnsw.max_scan_tuples} tuples, so a filter that few entries pass could otherwise
 *       miss some that exist.
 *   <li><b>An exact scan</b> of the owner's own entries (read through the owner's index, every distance computed) when
 *       the owner holds at most {@code khoj.search.vector.exact-limit} entries and less than a tenth of the table: the
 *       graph of a large shared index, filtered down to a small owner's 1 %, loses a seventh of the true neighbours
 *       and reads thousands of other owners' tuples to find them; the owner's few thousand vectors, stored inline
 *       with their rows (V27), are cheaper to read and exact.
 * </ul>
 */
@ApplicationScoped
public class PgVectorEntryRanker implements EntryRanker {

  /** An owner holding less than this share of the table's entries is small enough for an exact scan. */
  static final double EXACT_SHARE = 0.1;

  /** The default of {@code khoj.search.vector.exact-limit}. */
  static final long EXACT_LIMIT = 20_000;

  /** The default of {@code khoj.search.vector.ef-search}. */
  static final int EF_SEARCH = 100;

  /** The default of {@code khoj.search.vector.ef-search-entries}. */
  static final long EF_SEARCH_ENTRIES = 100_000;

  /** pgvector's largest {@code hnsw.ef_search}. */
  static final int MAX_EF_SEARCH = 1000;

  private final DataSource dataSource;
  private final long exactLimit;
  private final double exactShare;
  private final int efSearch;
  private final long efSearchEntries;

  /** Entry counts by owner (user or knowledge agent), and of the whole table under "table". */
  private final MinuteCounts counts;

  @Inject
  public PgVectorEntryRanker(
      @SearchReads DataSource dataSource,
      @ConfigProperty(name = "khoj.search.vector.exact-limit", defaultValue = "20000")
          long exactLimit,
      @ConfigProperty(name = "khoj.search.vector.ef-search", defaultValue = "100") int efSearch,
      @ConfigProperty(name = "khoj.search.vector.ef-search-entries", defaultValue = "100000")
          long efSearchEntries) {
    this(dataSource, exactLimit, EXACT_SHARE, efSearch, efSearchEntries);
  }

  /** With the default {@code ef_search} and its growth with the owner's size. */
  public PgVectorEntryRanker(DataSource dataSource, long exactLimit, double exactShare) {
    this(dataSource, exactLimit, exactShare, EF_SEARCH, EF_SEARCH_ENTRIES);
  }

  /**
   * @param exactLimit the most entries an owner may hold to be scanned exactly (0: never)
   * @param exactShare the share of the table below which an owner that small is scanned exactly
   * @param efSearch how many candidates the graph walk keeps ({@code hnsw.ef_search}; at least the number of
   *     candidates asked for): more finds more of the true nearest neighbours of a large owner, and takes longer
   * @param efSearchEntries the owner's size up to which {@code efSearch} holds; a larger owner's walk keeps
   *     {@code efSearch} in proportion to its entries, up to pgvector's 1,000 (0: {@code efSearch} for every owner)
   */
  public PgVectorEntryRanker(
      DataSource dataSource,
      long exactLimit,
      double exactShare,
      int efSearch,
      long efSearchEntries) {
    if (exactLimit < 0) {
      throw new IllegalArgumentException(
          "khoj.search.vector.exact-limit must be 0 or more, not " + exactLimit);
    }
    if (efSearch < 1 || efSearch > 1000) {
      throw new IllegalArgumentException(
          "khoj.search.vector.ef-search must be between 1 and 1000, not " + efSearch);
    }
    if (efSearchEntries < 0) {
      throw new IllegalArgumentException(
          "khoj.search.vector.ef-search-entries must be 0 or more, not " + efSearchEntries);
    }
    this.dataSource = dataSource;
    this.counts = new MinuteCounts(dataSource);
    this.exactLimit = exactLimit;
    this.exactShare = exactShare;
    this.efSearch = efSearch;
    this.efSearchEntries = efSearchEntries;
  }

  /** With the default exact-scan limit and share. */
  public PgVectorEntryRanker(DataSource dataSource) {
    this(dataSource, EXACT_LIMIT, EXACT_SHARE);
  }

  @Override
  public Kind kind() {
    return Kind.VECTOR;
  }

  @Override
  @WithSpan("search.rank.vector")
  public List<RankedEntry> rank(Request request) {
    try (Connection c = dataSource.getConnection()) {
      boolean exact = exact(c, request);
      List<RankedEntry> hits = exact ? scan(c, request) : walk(c, request);
      if (!exact && hits.size() < request.limit()) {
        // The walk stops after hnsw.max_scan_tuples tuples (20,000 by default) whatever its
        // filters let through: a filter that few of a large owner's entries pass (a file, a
        // date, a rare word) can leave it short of hits that exist. Fewer than asked means the
        // walk may have stopped early, or the owner has no more: the exact scan tells which.
        hits = scan(c, request);
      }
      hits.sort(Comparator.comparingDouble(RankedEntry::distance));
      return hits;
    } catch (SQLException e) {
      throw new IllegalStateException("vector search failed: " + e.getMessage(), e);
    }
  }

  /**
   * The HNSW graph walk with the owner and filters applied during the index scan; it orders by the distance its
   * graph holds (half precision past 2,000 dimensions), the hits keep the exact distance.
   */
  private List<RankedEntry> walk(Connection c, Request request) throws SQLException {
    String settings = "select set_config('hnsw.iterative_scan', 'relaxed_order', true),"
        + " set_config('hnsw.ef_search', '" + efSearch(c, request) + "', true)";
    String order = HnswGraph.graphType(request.dimension())
        .map(PgVectorEntryRanker::distance)
        .orElse(distance(RankingSql.vectorType(request.dimension())));
    return query(c, request, settings, order);
  }

  /**
   * Every entry of the owner that passes the filters, each distance computed: ordered index scans off, so the planner
   * reads the owner's rows by their owner index (a bitmap scan) and sorts them instead of walking the graph; the
   * bitmap scan and the sort on, whatever the session says.
   */
  private List<RankedEntry> scan(Connection c, Request request) throws SQLException {
    return query(
        c,
        request,
        "select set_config('enable_indexscan', 'off', true),"
            + " set_config('enable_bitmapscan', 'on', true), set_config('enable_sort', 'on', true)",
        distance(RankingSql.vectorType(request.dimension())));
  }

  /** The ranking query, its settings sent with it in its round trip and holding for it alone. */
  private static List<RankedEntry> query(
      Connection c, Request request, String settings, String order) throws SQLException {
    String distance = distance(RankingSql.vectorType(request.dimension()));
    StringBuilder sql = new StringBuilder("select " + RankingSql.COLUMNS + ", " + distance
        + " as distance" + " from entries e where e.model_id = "
        + RankingSql.literal(request.modelId()) + " and");
    List<Object> params = new ArrayList<>();
    params.add(request.vector());
    RankingSql.conditions(request, sql, params);
    sql.append(" order by ").append(order).append(" limit ?");
    params.add(request.vector());
    params.add(request.limit());
    return new ArrayList<>(RankingSql.query(c, settings, sql.toString(), params));
  }

  /** The cosine distance between an entry's vector and the query's (the query's parameter), both cast to a type. */
  private static String distance(String type) {
    return "(e.embedding::" + type + " <=> ?::" + type + ")";
  }

  /**
   * The graph walk's {@code ef_search}: the configured one for an owner of up to {@code efSearchEntries} entries, in
   * proportion to a larger owner's entries (a walk through a larger graph needs a longer list to find as many of the
   * true neighbours), never below the candidates asked for, at most pgvector's 1,000. The owner is counted only when
   * the table itself is larger than {@code efSearchEntries}.
   */
  int efSearch(Connection c, Request request) throws SQLException {
    int ef = efSearch;
    if (efSearchEntries > 0
        && efSearch < MAX_EF_SEARCH
        && counts.get(c, "table", PgVectorEntryRanker::tableCount) > efSearchEntries) {
      long owner = ownerEntries(c, request);
      if (owner > efSearchEntries) {
        ef = (int) Math.min(MAX_EF_SEARCH, Math.ceil(efSearch * (double) owner / efSearchEntries));
      }
    }
    return Math.min(MAX_EF_SEARCH, Math.max(ef, request.limit()));
  }

  /** Whether the owner's entries are few enough, and a small enough share of the table, to be scanned exactly. */
  boolean exact(Connection c, Request request) throws SQLException {
    if (exactLimit == 0) {
      return false;
    }
    long owner = ownerEntries(c, request);
    if (owner > exactLimit) {
      return false;
    }
    long table = counts.get(c, "table", PgVectorEntryRanker::tableCount);
    return owner < table * exactShare;
  }

  /**
   * The owner's entries with a knowledge agent's, each counted up to the most either decision needs: one past the
   * exact-scan limit, and the size at which {@code ef_search} reaches 1,000.
   */
  private long ownerEntries(Connection c, Request request) throws SQLException {
    long owner = counts.get(
        c, request.owner().value(), own -> ownerCount(own, request.owner().value()));
    if (request.knowledgeAgent().isPresent()) {
      owner += counts.get(
          c,
          request.knowledgeAgent().get(),
          own -> ownerCount(own, request.knowledgeAgent().get()));
    }
    return owner;
  }

  /** How far an owner is counted: past every size at which {@link #exact} or {@link #efSearch} changes. */
  private long countLimit() {
    long saturation = efSearchEntries == 0
        ? 0
        : (long) Math.ceil(efSearchEntries * (double) MAX_EF_SEARCH / efSearch);
    return Math.max(exactLimit, saturation) + 1;
  }

  /** A user's or a knowledge agent's entries (one owner index each; stops counting past {@link #countLimit}). */
  private long ownerCount(Connection c, Object owner) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select (select count(*) from (select 1 from entries where user_id = ? limit ?) u)"
            + " + (select count(*) from (select 1 from entries where agent_id = ? limit ?) a)")) {
      ps.setObject(1, owner);
      ps.setLong(2, countLimit());
      ps.setObject(3, owner);
      ps.setLong(4, countLimit());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The table's size as the planner knows it (kept by ANALYZE and autovacuum): no scan. */
  private static long tableCount(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
            "select greatest(reltuples, 0)::bigint from pg_class where oid = 'entries'::regclass");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
