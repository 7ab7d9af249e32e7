package io.khoj4j.bootstrap.bench;

import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel;
import io.khoj4j.adapter.persistence.out.content.HnswGraph;
import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.khoj4j.adapter.persistence.out.search.PgVectorEntryRanker;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.khoj4j.application.quality.BeirDataset;
import io.khoj4j.application.service.search.SearchSettings;
import io.khoj4j.domain.search.EntryFilter;
import io.khoj4j.domain.user.UserId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The vector index at a million entries: how long PostgreSQL takes to build the HNSW index, how large it is, and how
 * many of the exact nearest neighbours the server's vector ranker finds with the owner filter (pgvector's iterative
 * index scan), for one user holding every entry and for 100 users holding 1 % each. Run by {@code bench/ann-scale.sh}.
 *
 * <p>Seeding: the first {@code base} SciFact documents go through {@code PATCH /api/content} (real chunking, real
 * embeddings); the entries table then grows to {@code total} rows in SQL, as {@link LatencyBench} grows it (each
 * copy an entry's text with its vector moved towards a pseudo-random partner entry's plus noise, normalised). The
 * keyword postings trigger is disabled and the full-text index dropped: this benchmark measures the vector index only
 * (a million entries' postings are about a hundred million rows, a measurement of their own).
 *
 * <p>For each layout: the index is dropped, the rows are laid out, the index is built again as the server creates it
 * (timed), then {@code queries} SciFact queries, each embedded with the server's model and asked by one of the
 * owners in turn, go through the server's own vector ranker class ({@link PgVectorEntryRanker}: the server's default candidates,
 * {@code ef_search} 100, relaxed iterative scan), then through the same query with other {@code ef_search} values.
 * Recall@10 is the share of the exact 10 nearest of the owner's entries (computed in this JVM over every stored
 * vector) among the first 10 the index returns.
 *
 * <p>Arguments: base URL, JDBC URL, total entries, base documents, queries, layouts (owners per layout, e.g.
 * {@code 1,100}; {@code 0}: the current layout searched without the owner filter, which is what the index does for
 * an owner of every entry, without moving a million rows back to one owner).
 */
public final class AnnScaleBench {

  /** As many candidates as the server's ranker is asked for by default. */
  private static final int CANDIDATES = SearchSettings.defaults().candidates();

  private static final int K = 10;

  /** The graph built: the server's default, or BENCH_HNSW_M and BENCH_HNSW_EF_CONSTRUCTION (the server's settings). */
  private static final HnswGraph GRAPH = new HnswGraph(
      Integer.parseInt(
          System.getenv().getOrDefault("BENCH_HNSW_M", String.valueOf(HnswGraph.DEFAULT.m()))),
      Integer.parseInt(System.getenv()
          .getOrDefault(
              "BENCH_HNSW_EF_CONSTRUCTION", String.valueOf(HnswGraph.DEFAULT.efConstruction()))));

  /**
   * The graph's precision: the server's for the model ({@code HnswGraph.graphType}), or {@code halfvec} to measure a
   * half-precision graph of the same vectors (BENCH_HNSW_PRECISION); the server's ranker row is then left out, as the
   * server walks its own graph.
   */
  private static final boolean HALF =
      "halfvec".equals(System.getenv().getOrDefault("BENCH_HNSW_PRECISION", ""));

  private final String base;
  private final String jdbc;
  private final OnnxEmbeddingModel model =
      new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.BGE_SMALL_EN_V15_Q, true);
  private UUID firstOwner;
  private String indexName;
  private String indexSql;

  private AnnScaleBench(String base, String jdbc) {
    this.base = base;
    this.jdbc = jdbc;
  }

  public static void main(String[] args) throws Exception {
    Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    AnnScaleBench bench = new AnnScaleBench(args[0], args[1]);
    int total = Integer.parseInt(args[2]);
    int baseDocs = Integer.parseInt(args[3]);
    int queryCount = Integer.parseInt(args[4]);
    String[] layouts = args[5].split(",");
    BeirDataset scifact = BenchCorpus.scifact();
    bench.seed(scifact, baseDocs, total);
    List<String> all = new ArrayList<>(scifact.queries().values());
    List<float[]> queries = new ArrayList<>();
    for (int i = 0; i < queryCount; i++) {
      queries.add(bench.model.embedQuery(all.get(i * all.size() / queryCount)));
    }
    for (String layout : layouts) {
      int users = Integer.parseInt(layout.strip());
      if (users == 0) {
        bench.measure("every entry, no owner filter (as one owner holding all)", queries, 0);
        continue;
      }
      bench.layout(users);
      bench.measure(
          users == 1
              ? "one user, " + total + " entries"
              : users + " users, about " + total / users + " entries each",
          queries,
          users);
    }
  }

  // ------------------------------------------------------------------------------------------------ seeding

  private void seed(BeirDataset data, int baseDocs, int total) throws Exception {
    try (Connection c = connect()) {
      long existing = BenchCorpus.upload(base, c, data, baseDocs);
      firstOwner = UUID.fromString(text(c, "select user_id::text from entries limit 1"));
      String modelId = text(c, "select model_id from entries limit 1");
      // the index as the server creates it for the model (PgVectorEntryRepository.ensureIndex)
      indexName = PgVectorEntryRepository.indexName(modelId);
      indexSql = GRAPH.indexSql(modelId, model.dimension(), false).orElseThrow();
      if (HALF) {
        indexSql = indexSql
            .replace("::vector(", "::halfvec(")
            .replace(" vector_cosine_ops", " halfvec_cosine_ops");
      }
      System.out.printf("model %s, index %s: %s%n", modelId, indexName, indexSql);
      try (Statement s = c.createStatement()) {
        s.execute("alter table entries disable trigger entries_postings_on_insert");
        s.execute("alter table entries disable trigger entries_postings_on_update");
        // the keyword side is not measured here: without its full-text index, moving a million rows
        // between owners and rewriting the table take minutes instead of tens of minutes
        s.execute("drop index if exists entries_search_vector");
        if (existing < total) {
          s.execute("drop index if exists " + indexName); // built after the growth, timed
        }
      }
      BenchCorpus.grow(c, total);
    }
  }

  /** Gives the rows to {@code users} owners (1: the first user owns all), then builds the index again, timed. */
  private void layout(int users) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      boolean laidOut = count(c, "select count(distinct user_id) from entries") == users;
      if (laidOut && indexExists(c)) {
        System.out.printf("%nlayout: %d owner(s) already (an earlier run); index kept%n", users);
        return;
      }
      long moved = 0;
      if (!laidOut) {
        s.execute("create temp table owners (n int primary key, id uuid not null)");
        s.execute("insert into owners values (0, '" + firstOwner + "')");
        for (int i = 1; i < users; i++) {
          UUID id = UUID.randomUUID();
          s.execute("insert into users (id, username, email, created_at, updated_at) values ('" + id
              + "', 'ann-scale-" + id + "', null, now(), now())");
          s.execute("insert into owners values (" + i + ", '" + id + "')");
        }
        moved = s.executeUpdate("update entries e set user_id = o.id from owners o"
            + " where o.n = abs(hashtext(e.id::text)) % " + users + " and e.user_id <> o.id");
        s.execute("drop table owners");
      }
      s.execute("drop index if exists " + indexName);
      s.execute("vacuum full entries");
      s.execute("analyze entries");
      System.out.printf(
          "%nlayout: %d owner(s), %d entries moved, table rewritten in %.0f s%n",
          users, moved, (System.nanoTime() - t0) / 1e9);
      s.execute("set maintenance_work_mem = '6GB'");
      s.execute("set max_parallel_maintenance_workers = 1");
      long t1 = System.nanoTime();
      s.execute(indexSql);
      double seconds = (System.nanoTime() - t1) / 1e9;
      System.out.printf(
          "index build: %.0f s (maintenance_work_mem 6GB, 1 parallel worker); index %s, table %s%n",
          seconds,
          text(c, "select pg_size_pretty(pg_relation_size('" + indexName + "'))"),
          text(c, "select pg_size_pretty(pg_table_size('entries'))"));
    }
  }

  // ------------------------------------------------------------------------------------------------ measuring

  private void measure(String label, List<float[]> queries, int users) throws SQLException {
    List<UUID> owners = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "select user_id, count(*) from entries group by user_id order by user_id")) {
      while (rs.next()) {
        owners.add(UUID.fromString(rs.getString(1)));
      }
    }
    List<UUID> askedBy = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      askedBy.add(users == 0 ? null : owners.get(i % Math.min(users, owners.size())));
    }
    List<Set<UUID>> truth = exactNeighbours(queries, askedBy);
    System.out.println(label + ":");
    if (users == 0) {
      for (int ef : new int[] {40, 100, 200, 400, 1000}) {
        sweep(ef, queries, askedBy, truth);
      }
      return;
    }
    if (!HALF) { // the server's ranker walks the server's own graph, not the one measured then
      rankerRow(queries, askedBy, truth);
    }
    for (int ef : new int[] {40, 100, 200, 300, 400, 1000}) {
      sweep(ef, queries, askedBy, truth);
    }
  }

  /** The server's own vector ranker class over the same queries: a warming round, then the one reported. */
  private void rankerRow(List<float[]> queries, List<UUID> askedBy, List<Set<UUID>> truth) {
    EntryRanker ranker = new PgVectorEntryRanker(BenchConnections.kept(jdbc));
    List<UUID> ids = new ArrayList<>();
    for (int round = 0; round < 2; round++) { // the first round warms the index's pages
      double recall = 0;
      int shortLists = 0;
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        long t0 = System.nanoTime();
        List<RankedEntry> hits = ranker.rank(new EntryRanker.Request(
            new UserId(askedBy.get(i)),
            "",
            queries.get(i),
            model.id(),
            model.dimension(),
            Optional.empty(),
            EntryFilter.NONE,
            CANDIDATES));
        millis.add((System.nanoTime() - t0) / 1e6);
        shortLists += hits.size() < CANDIDATES ? 1 : 0;
        ids.clear();
        hits.stream().limit(K).forEach(h -> ids.add(h.id()));
        recall += recall(ids, truth.get(i));
      }
      if (round == 1) {
        report(
            "the server's vector ranker (index or exact scan)",
            recall,
            queries.size(),
            shortLists,
            millis);
      }
    }
  }

  /** The ranker's query with another {@code hnsw.ef_search}, for the same queries. */
  private void sweep(int ef, List<float[]> queries, List<UUID> askedBy, List<Set<UUID>> truth)
      throws SQLException {
    String type = "vector(" + model.dimension() + ")";
    String distance = "(e.embedding::" + type + " <=> ?::" + type + ")";
    String walk = HALF ? distance.replace("vector(", "halfvec(") : distance;
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      boolean filtered = askedBy.getFirst() != null;
      PreparedStatement ann = c.prepareStatement("select e.id, " + distance + " from entries e"
          + " where e.model_id = ?" + (filtered ? " and e.user_id = ?" : "") + " order by "
          + walk + " limit " + CANDIDATES);
      double recall = 0;
      int shortLists = 0;
      List<Double> millis = new ArrayList<>();
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
          s.execute("select set_config('hnsw.iterative_scan', 'relaxed_order', true),"
              + " set_config('hnsw.ef_search', '" + ef + "', true)");
        }
        String vector = Arrays.toString(queries.get(i)).replace(" ", "");
        int p = 1;
        ann.setString(p++, vector);
        ann.setString(p++, model.id());
        if (filtered) {
          ann.setObject(p++, askedBy.get(i));
        }
        ann.setString(p, vector);
        List<Map.Entry<UUID, Double>> found = new ArrayList<>();
        try (ResultSet rs = ann.executeQuery()) {
          while (rs.next()) {
            found.add(Map.entry(UUID.fromString(rs.getString(1)), rs.getDouble(2)));
          }
        }
        // relaxed order: the rows come nearly sorted; the ranker sorts them, as here
        found.sort(Map.Entry.comparingByValue());
        List<UUID> all = found.stream().map(Map.Entry::getKey).toList();
        c.rollback();
        millis.add((System.nanoTime() - t0) / 1e6);
        shortLists += all.size() < CANDIDATES ? 1 : 0;
        ids.clear();
        ids.addAll(all.subList(0, Math.min(K, all.size())));
        recall += recall(ids, truth.get(i));
      }
      report("the same query with ef_search " + ef, recall, queries.size(), shortLists, millis);
    }
  }

  private static double recall(List<UUID> found, Set<UUID> truth) {
    long hits = found.stream().filter(truth::contains).count();
    return truth.isEmpty() ? 1 : hits / (double) Math.min(K, truth.size());
  }

  private static void report(
      String label, double recall, int queries, int shortLists, List<Double> millis) {
    System.out.printf(
        Locale.ROOT,
        "  %-44s recall@10 %.4f (%d queries, %d lists under %d), p50 %.1f ms, p99 %.1f ms%n",
        label,
        recall / queries,
        queries,
        shortLists,
        CANDIDATES,
        pct(millis, 50),
        pct(millis, 99));
  }

  /**
   * The exact 10 nearest entries of each query among its owner's, computed here over every stored vector (PostgreSQL
   * takes seconds per query to scan a million rows of this table; this JVM, well under one).
   */
  private List<Set<UUID>> exactNeighbours(List<float[]> queries, List<UUID> askedBy)
      throws SQLException {
    long t0 = System.nanoTime();
    int dim = model.dimension();
    List<UUID> ids = new ArrayList<>();
    List<UUID> ownerOf = new ArrayList<>();
    float[] vectors;
    try (Connection c = connect()) {
      int rows =
          (int) count(c, "select count(*) from entries where model_id = '" + model.id() + "'");
      vectors = new float[rows * dim];
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(10_000);
        try (ResultSet rs = s.executeQuery("select id, user_id, embedding::real[] from entries"
            + " where model_id = '" + model.id() + "'")) {
          int row = 0;
          while (rs.next()) {
            ids.add(UUID.fromString(rs.getString(1)));
            ownerOf.add(UUID.fromString(rs.getString(2)));
            Object[] v = (Object[]) rs.getArray(3).getArray();
            for (int j = 0; j < dim; j++) {
              vectors[row * dim + j] = ((Number) v[j]).floatValue();
            }
            row++;
          }
        }
      }
      c.rollback();
    }
    List<Set<UUID>> truth = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      float[] query = queries.get(q);
      UUID owner = askedBy.get(q);
      java.util.PriorityQueue<double[]> best =
          new java.util.PriorityQueue<>((a, b) -> Double.compare(b[0], a[0]));
      for (int row = 0; row < ids.size(); row++) {
        if (owner != null && !ownerOf.get(row).equals(owner)) {
          continue;
        }
        double dot = 0;
        int base = row * dim;
        for (int j = 0; j < dim; j++) {
          dot += query[j] * vectors[base + j];
        }
        double distance = 1 - dot;
        if (best.size() < K) {
          best.add(new double[] {distance, row});
        } else if (distance < best.peek()[0]) {
          best.poll();
          best.add(new double[] {distance, row});
        }
      }
      Set<UUID> top = new HashSet<>();
      best.forEach(d -> top.add(ids.get((int) d[1])));
      truth.add(top);
    }
    System.out.printf(
        "exact neighbours of %d queries over %d vectors in %.0f s%n",
        queries.size(), ids.size(), (System.nanoTime() - t0) / 1e9);
    return truth;
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** Whether the index is built, valid, and holds vectors at the precision measured now. */
  private boolean indexExists(Connection c) throws SQLException {
    return count(
            c,
            "select count(*) from pg_index where indisvalid and indexrelid::regclass::text = '"
                + indexName + "' and (pg_get_indexdef(indexrelid) like '%halfvec%') = " + HALF)
        > 0;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbc, "khoj4j", "khoj4j");
  }

  private static long count(Connection c, String sql) throws SQLException {
    return Long.parseLong(text(c, sql));
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IllegalStateException("no row: " + sql);
      }
      return rs.getString(1);
    }
  }

  private static double pct(List<Double> millis, int p) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * p / 100.0) - 1));
  }
}
