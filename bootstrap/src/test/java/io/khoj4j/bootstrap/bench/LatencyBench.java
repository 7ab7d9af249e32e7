package io.khoj4j.bootstrap.bench;

import io.khoj4j.adapter.llm.out.embedding.OnnxEmbeddingModel;
import io.khoj4j.adapter.persistence.out.search.PgEntryTexts;
import io.khoj4j.adapter.persistence.out.search.PgFullTextEntryRanker;
import io.khoj4j.adapter.persistence.out.search.PgVectorEntryRanker;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.EntryTexts;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.khoj4j.application.quality.BeirDataset;
import io.khoj4j.application.service.search.SearchSettings;
import io.khoj4j.domain.search.EntryFilter;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.UserId;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Search latency and throughput at scale, each beside the raw cost of the same work measured in the same run.
 * Run by {@code bench/latency.sh}, which starts the server in single-user mode on a database of its own.
 *
 * <p>Seeding: the first {@code base} SciFact documents go through {@code PATCH /api/content} (real chunking, real
 * embeddings); the entries table is then grown to {@code total} rows in SQL, each copy a stored entry's text under a
 * new file name with its vector moved by small random noise and re-normalised, so the HNSW graph holds {@code total}
 * distinct, realistically clustered vectors and the keyword index sees the same term statistics at scale.
 *
 * <p>Measurement, all warm: every SciFact query once through {@code GET /api/search} from one client; the query
 * embedding alone (same model, in this JVM); the SQL alone (the server's two rankers, called directly on a JDBC
 * connection); then 8 concurrent clients for a fixed time, over HTTP and raw. Finally {@code EXPLAIN ANALYZE} of the
 * vector ranker's query with the owner filter.
 *
 * <p>{@code BENCH_USERS} (default 1) spreads the copies over that many users in turn, each with an API token the
 * benchmark derives from the user's id: query {@code i} is asked by user {@code i} modulo their number, over HTTP
 * with that user's token (one user: single-user mode, no token) and raw with that owner.
 *
 * <p>Arguments: base URL, JDBC URL, total entries, base documents, seconds per concurrent phase, and optionally the
 * server's process id: then each concurrent path's turns also report how busy the machine was and the CPU per
 * request of the server, PostgreSQL, this benchmark (the clients, or the raw work) and the rest.
 */
public final class LatencyBench {

  private static final int CLIENTS = 8;
  private static final int N = 10;
  /** As many candidates per ranker as the server asks for by default (khoj.search.candidates). */
  private static final int CANDIDATES = SearchSettings.defaults().candidates();

  private final String base;
  private final String jdbc;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  /** The concurrent clients' threads, kept for the whole run. */
  private final java.util.concurrent.ExecutorService clients =
      java.util.concurrent.Executors.newFixedThreadPool(CLIENTS, r -> {
        Thread t = new Thread(r, "bench-client");
        t.setDaemon(true);
        return t;
      });

  /** Where the next slice starts in the query list, so slices do not repeat the same queries. */
  private int nextQuery;
  /** The server's process, whose CPU the concurrent turns account for; -1 when not known. */
  private long serverPid = -1;

  /** Each client thread's own kept-alive socket (the light client). */
  private final ThreadLocal<PlainHttpGet> plain = new ThreadLocal<>();

  private final OnnxEmbeddingModel model =
      new OnnxEmbeddingModel(OnnxEmbeddingModel.Variant.BGE_SMALL_EN_V15_Q, true);
  /** The users who own the entries; query {@code i} is asked by owner {@code i % owners.size()}. */
  private final List<UserId> owners = new ArrayList<>();

  private static final int USERS =
      Integer.parseInt(System.getenv().getOrDefault("BENCH_USERS", "1"));
  private final java.util.concurrent.atomic.AtomicLong vectorCandidates =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong vectorCalls =
      new java.util.concurrent.atomic.AtomicLong();

  private LatencyBench(String base, String jdbc) {
    this.base = base;
    this.jdbc = jdbc;
  }

  public static void main(String[] args) throws Exception {
    Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    LatencyBench bench = new LatencyBench(args[0], args[1]);
    int total = Integer.parseInt(args[2]);
    int baseDocs = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    bench.serverPid = args.length > 5 ? Long.parseLong(args[5]) : -1;
    BeirDataset scifact = BenchCorpus.scifact();
    bench.seed(scifact, baseDocs, total);
    if ("1".equals(System.getenv("BENCH_SEED_ONLY"))) {
      System.out.println("seeded; BENCH_SEED_ONLY=1, so nothing is measured");
      return;
    }
    bench.measure(new ArrayList<>(scifact.queries().values()), seconds);
  }

  // ------------------------------------------------------------------------------------------------ seeding

  private void seed(BeirDataset data, int baseDocs, int total) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc, "khoj4j", "khoj4j")) {
      BenchCorpus.upload(base, c, data, baseDocs);
      long originals = single(c, "select count(*) from entries where file_path not like '%#copy-%'")
          .map(Long::parseLong)
          .orElseThrow();
      if (USERS > 1 && (total - originals) / originals < USERS) {
        throw new IllegalStateException("BENCH_USERS=" + USERS + " gives copy k of the " + originals
            + " uploaded entries to user k modulo " + USERS + ", so every user needs " + USERS
            + " copies: a total of at least " + (USERS + 1) * originals + " entries (asked: "
            + total
            + ")");
      }
      owners.add(new UserId(single(c, "select user_id from entries limit 1")
          .map(java.util.UUID::fromString)
          .orElseThrow()));
      for (int u = 1; u < USERS; u++) {
        owners.add(benchUser(c, u));
      }
      if (USERS > 1) {
        for (UserId u : owners) {
          try (Statement s = c.createStatement()) {
            s.execute("insert into api_tokens (id, user_id, name, token_hash, display, created_at)"
                + " values (gen_random_uuid(), '" + u.value() + "', 'latency bench', '"
                + SecretHash.of(token(u)).hex() + "', 'kk-latency', now()) on conflict do nothing");
          }
        }
      }
      BenchCorpus.growInBulk(
          c, total, USERS > 1 ? owners.stream().map(UserId::value).toList() : List.of());
      for (UserId u : owners) {
        if (single(c, "select count(*) from entries where user_id = '" + u.value() + "'")
                .map(Long::parseLong)
                .orElse(0L)
            < CANDIDATES) {
          throw new IllegalStateException("user " + u + " holds fewer than " + CANDIDATES
              + " entries: the database was seeded for another BENCH_USERS; seed it again");
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("vacuum analyze entries");
        s.execute("vacuum analyze entry_terms");
      }
    }
  }

  /** The benchmark's {@code n}th extra user, created on the first run. */
  private static UserId benchUser(Connection c, int n) throws SQLException {
    String name = "latency-bench-" + n;
    try (Statement s = c.createStatement()) {
      s.execute(
          "insert into users (id, username, email, created_at, updated_at) values (gen_random_uuid(), '"
              + name + "', null, now(), now()) on conflict (username) do nothing");
    }
    return new UserId(java.util.UUID.fromString(
        single(c, "select id from users where username = '" + name + "'").orElseThrow()));
  }

  /** The API token of a user (its hash is stored when the database is seeded); none for one user. */
  private String token(UserId u) {
    return USERS > 1 ? "kk-latency-bench-" + u.value() : null;
  }

  private UserId ownerOf(int query) {
    return owners.get(query % owners.size());
  }

  private static long count(Connection c) throws SQLException {
    return Long.parseLong(single(c, "select count(*) from entries").orElse("0"));
  }

  private static Optional<String> single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    }
  }

  // ------------------------------------------------------------------------------------------------ measuring

  private void measure(List<String> queries, int seconds) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc, "khoj4j", "khoj4j")) {
      System.out.printf(
          "entries: %s for %d user(s); queries: %d SciFact queries; n=%d%n",
          count(c), owners.size(), queries.size(), N);
    }
    ThreadLocal<Rankers> rankers = ThreadLocal.withInitial(this::rankers);
    List<float[]> vectors = new ArrayList<>();
    for (String q : queries) {
      vectors.add(model.embedQuery(q));
    }
    // warm-up: every path twice over the first 200 queries
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < Math.min(200, queries.size()); i++) {
        search(queries.get(i), ownerOf(i));
        plainSearch(queries.get(i), ownerOf(i));
        model.embedQuery(queries.get(i));
        rankers.get().rank(ownerOf(i), queries.get(i), vectors.get(i));
      }
    }

    List<Double> httpMs = new ArrayList<>();
    List<Double> plainMs = new ArrayList<>();
    List<Double> embedMs = new ArrayList<>();
    List<Double> sqlMs = new ArrayList<>();
    List<Double> vectorMs = new ArrayList<>();
    List<Double> keywordMs = new ArrayList<>();
    List<Double> rawMs = new ArrayList<>();
    // the three paths ask each query in turn, the first of them a different one each time: the
    // first to ask a query reads its pages into PostgreSQL's cache, which at a million entries
    // (more than shared_buffers) the next two then find there
    for (int i = 0; i < queries.size(); i++) {
      String q = queries.get(i);
      for (int k = 0; k < 3; k++) {
        switch ((i + k) % 3) {
          case 0 -> {
            long p0 = System.nanoTime();
            plainSearch(q, ownerOf(i));
            plainMs.add((System.nanoTime() - p0) / 1e6);
          }
          case 1 -> {
            long t0 = System.nanoTime();
            search(q, ownerOf(i));
            httpMs.add((System.nanoTime() - t0) / 1e6);
          }
          default -> {
            long t1 = System.nanoTime();
            float[] v = model.embedQuery(q);
            long t2 = System.nanoTime();
            rankers.get().rank(ownerOf(i), q, v);
            long t3 = System.nanoTime();
            embedMs.add((t2 - t1) / 1e6);
            sqlMs.add((t3 - t2) / 1e6);
            vectorMs.add(rankers.get().lastVectorMs);
            keywordMs.add(rankers.get().lastKeywordMs);
            rawMs.add((t3 - t1) / 1e6);
          }
        }
      }
    }
    System.out.println("one client, " + queries.size() + " queries:");
    report("GET /api/search", httpMs);
    report("  the same, light client", plainMs);
    report("raw embedding", embedMs);
    report("raw SQL (rankers, distances, texts)", sqlMs);
    report("  vector ranker alone", vectorMs);
    report("  keyword ranker alone", keywordMs);
    report("raw embedding + SQL", rawMs);
    System.out.printf(
        Locale.ROOT,
        "  search / raw: p50 %.2f, p99 %.2f; light client: p50 %.2f, p99 %.2f%n",
        pct(httpMs, 50) / pct(rawMs, 50),
        pct(httpMs, 99) / pct(rawMs, 99),
        pct(plainMs, 50) / pct(rawMs, 50),
        pct(plainMs, 99) / pct(rawMs, 99));
    tail(queries, httpMs, embedMs, sqlMs, vectorMs, keywordMs);
    System.out.printf(
        "  vector candidates returned per query: %.1f of %d asked%n",
        vectorCandidates.get() / (double) vectorCalls.get(), CANDIDATES);

    Work http = i -> search(queries.get(i), ownerOf(i));
    Work light = i -> plainSearch(queries.get(i), ownerOf(i));
    Work raw =
        i -> rankers.get().rank(ownerOf(i), queries.get(i), model.embedQuery(queries.get(i)));
    List<String> labels =
        List.of("GET /api/search", "GET /api/search, light client", "raw embedding + SQL");
    List<Work> paths = List.of(http, light, raw);
    // each path once unmeasured at the same concurrency first (BENCH_WARMUP_SECONDS, a third of
    // the measured time by default): the JIT compiles what eight threads at once run. Longer
    // does not reach a steady state sooner: after 60 s of each, the server's C2 compiler still
    // took 4 % of its CPU in the measured turns (8 % after 10 s), and the ratio did not move
    int warm = Integer.parseInt(System.getenv()
        .getOrDefault("BENCH_WARMUP_SECONDS", String.valueOf(Math.max(1, seconds / 3))));
    // then the paths take turns in slices of about 5 s, each round starting with the next path:
    // this machine drifts by tens of per cent within minutes, and back-to-back phases of 30 s
    // each measured the drift as much as the paths
    int rounds = Math.max(1, seconds / 5);
    System.out.println(CLIENTS + " concurrent clients, " + seconds + " s each in " + rounds
        + " turns (after " + warm + " s of each unmeasured):");
    for (Work w : paths) {
      slice(queries, warm, w);
    }
    List<List<Double>> millis = new ArrayList<>();
    double[] elapsed = new double[paths.size()];
    BenchCpu[] cpu = new BenchCpu[paths.size()];
    List<java.util.Map<String, Double>> serverThreads = new ArrayList<>();
    for (int p = 0; p < paths.size(); p++) {
      millis.add(new ArrayList<>());
      cpu[p] = BenchCpu.NONE;
      serverThreads.add(new java.util.HashMap<>());
    }
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < paths.size(); k++) {
        int p = (round + k) % paths.size();
        BenchCpu before = serverPid > 0 ? BenchCpu.read(serverPid) : null;
        java.util.Map<String, Double> threadsBefore =
            serverPid > 0 ? BenchCpu.threads(serverPid) : null;
        Slice done = slice(queries, seconds / (double) rounds, paths.get(p));
        if (before != null) {
          cpu[p] = cpu[p].plus(BenchCpu.read(serverPid).minus(before));
          BenchCpu.byGroup(threadsBefore, BenchCpu.threads(serverPid))
              .forEach((group, cpuSeconds) ->
                  serverThreads.get(p).merge(group, cpuSeconds, Double::sum));
        }
        millis.get(p).addAll(done.millis());
        elapsed[p] += done.seconds();
      }
    }
    for (int p = 0; p < paths.size(); p++) {
      System.out.printf(
          Locale.ROOT,
          "  %-30s %6.1f req/s, p50 %6.1f ms, p99 %6.1f ms (%d requests)%n",
          labels.get(p),
          millis.get(p).size() / elapsed[p],
          pct(millis.get(p), 50),
          pct(millis.get(p), 99),
          millis.get(p).size());
    }
    if (serverPid > 0) {
      // on cores that are all busy, throughput is the inverse of the CPU a request costs; a path
      // that leaves them idle waits on something else (a pool, a lock, a single thread)
      for (int p = 0; p < paths.size(); p++) {
        int requests = millis.get(p).size();
        System.out.printf(
            Locale.ROOT, "    %-28s %s%n", labels.get(p), cpu[p].perRequest(requests));
        String threads = BenchCpu.listed(serverThreads.get(p), 1000.0 / requests, 0.05, "%.2f");
        if (!threads.isEmpty()) {
          System.out.println("      server threads, CPU ms per request: " + threads);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  throughput search / raw: %.2f; light client: %.2f%n",
        millis.get(0).size() / elapsed[0] / (millis.get(2).size() / elapsed[2]),
        millis.get(1).size() / elapsed[1] / (millis.get(2).size() / elapsed[2]));
    pgWork(queries, labels, paths);

    explain(vectors.getFirst());
  }

  /**
   * PostgreSQL's work per request on each path at {@value #CLIENTS} clients, in counts its CPU under load cannot tell
   * apart from contention: buffers touched, rows returned and fetched, transactions. Each path runs 10 s alone, then
   * the database stays idle 11 s, since PostgreSQL 15 flushes an idle backend's counters within 10 s.
   */
  private void pgWork(List<String> queries, List<String> labels, List<Work> paths)
      throws Exception {
    System.out.println("PostgreSQL's work per request, each path 10 s alone at " + CLIENTS
        + " clients (pg_stat_database, read after 11 s idle):");
    try (Connection c = DriverManager.getConnection(jdbc, "khoj4j", "khoj4j")) {
      Thread.sleep(11_000);
      for (int p = 0; p < paths.size(); p++) {
        PgCounters before = PgCounters.read(c);
        int requests = slice(queries, 10, paths.get(p)).millis().size();
        Thread.sleep(11_000);
        System.out.printf(
            Locale.ROOT,
            "  %-30s %s (%d requests)%n",
            labels.get(p),
            PgCounters.read(c).minus(before).perRequest(requests),
            requests);
      }
    }
  }

  /** Counters of the benchmark's database: buffers found in and read into shared buffers, rows, transactions. */
  private record PgCounters(
      long buffersHit, long buffersRead, long rowsReturned, long rowsFetched, long transactions) {

    static PgCounters read(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("select pg_stat_clear_snapshot()");
        try (ResultSet rs = s.executeQuery(
            "select blks_hit, blks_read, tup_returned, tup_fetched, xact_commit + xact_rollback"
                + " from pg_stat_database where datname = current_database()")) {
          rs.next();
          return new PgCounters(
              rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
      }
    }

    PgCounters minus(PgCounters before) {
      return new PgCounters(
          buffersHit - before.buffersHit,
          buffersRead - before.buffersRead,
          rowsReturned - before.rowsReturned,
          rowsFetched - before.rowsFetched,
          transactions - before.transactions);
    }

    String perRequest(int requests) {
      long buffers = buffersHit + buffersRead;
      return String.format(
          Locale.ROOT,
          "buffers %.0f (%.1f %% read in), rows returned %.0f, fetched %.0f, transactions %.2f",
          (double) buffers / requests,
          100.0 * buffersRead / Math.max(1, buffers),
          (double) rowsReturned / requests,
          (double) rowsFetched / requests,
          (double) transactions / requests);
    }
  }

  /**
   * The slowest 1 % of searches beside the raw cost of the same query: a slow query that is slow raw too is costly
   * work; one that is fast raw met a pause (a collection, another process on the cores).
   */
  private static void tail(
      List<String> queries,
      List<Double> httpMs,
      List<Double> embedMs,
      List<Double> sqlMs,
      List<Double> vectorMs,
      List<Double> keywordMs) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < httpMs.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(httpMs.get(b), httpMs.get(a)));
    int slow = Math.max(1, httpMs.size() / 100);
    int slowRaw = 0;
    System.out.println(
        "  slowest 1 % of searches (ms): search | raw embedding, SQL (vector, keyword) of the same query");
    for (int i : order.subList(0, slow)) {
      double raw = embedMs.get(i) + sqlMs.get(i);
      if (raw >= httpMs.get(i) * 0.6) {
        slowRaw++;
      }
      System.out.printf(
          Locale.ROOT,
          "    %6.1f | %5.1f, %5.1f (%5.1f, %5.1f)  %d words, query %d%n",
          httpMs.get(i),
          embedMs.get(i),
          sqlMs.get(i),
          vectorMs.get(i),
          keywordMs.get(i),
          queries.get(i).split("\\s+").length,
          i);
    }
    System.out.printf(
        "  %d of the %d slowest are slow raw too (raw at least 60 %% of the search)%n",
        slowRaw, slow);
    // where in the run the slow searches fall: clustered early means the server was still warming
    // up
    int quarters = 4;
    int[] over = new int[quarters];
    double threshold = pct(httpMs, 99);
    for (int i = 0; i < httpMs.size(); i++) {
      if (httpMs.get(i) >= threshold) {
        over[i * quarters / httpMs.size()]++;
      }
    }
    System.out.printf(
        "  searches at or above p99 per quarter of the run: %s%n", Arrays.toString(over));
  }

  private interface Work {
    void run(int queryIndex) throws Exception;
  }

  /** The latencies of one slice of a concurrent phase, and how long it took. */
  private record Slice(List<Double> millis, double seconds) {}

  /**
   * {@value #CLIENTS} clients run {@code work} for {@code seconds}, each on its own thread of {@link #clients}: the
   * same threads every time, so each keeps its connection and its light client.
   */
  private Slice slice(List<String> queries, double seconds, Work work) throws Exception {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicInteger next = new AtomicInteger(nextQuery);
    long t0 = System.nanoTime();
    List<java.util.concurrent.Future<List<Double>>> running = new ArrayList<>();
    for (int t = 0; t < CLIENTS; t++) {
      running.add(clients.submit(() -> {
        List<Double> millis = new ArrayList<>();
        while (System.nanoTime() < end) {
          int i = next.getAndIncrement() % queries.size();
          long s = System.nanoTime();
          work.run(i);
          millis.add((System.nanoTime() - s) / 1e6);
        }
        return millis;
      }));
    }
    List<Double> millis = new ArrayList<>();
    for (var r : running) {
      millis.addAll(r.get());
    }
    nextQuery = next.get() % queries.size();
    return new Slice(millis, (System.nanoTime() - t0) / 1e9);
  }

  private void search(String q, UserId owner) throws Exception {
    String url = base + "/api/search?n=" + N + "&client=bench&q="
        + URLEncoder.encode(q, StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).GET();
    if (token(owner) != null) {
      request.header("Authorization", "Bearer " + token(owner));
    }
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("search failed: HTTP " + r.statusCode() + " " + r.body());
    }
  }

  /** The same search through {@link PlainHttpGet}: a client that costs the shared cores next to nothing. */
  private void plainSearch(String q, UserId owner) throws Exception {
    PlainHttpGet client = plain.get();
    if (client == null) {
      client = new PlainHttpGet(URI.create(base));
      plain.set(client);
    }
    int status = client.get(
        "/api/search?n=" + N + "&client=bench&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
        token(owner));
    if (status != 200) {
      throw new IllegalStateException("search failed: HTTP " + status);
    }
  }

  private void explain(float[] vector) throws SQLException {
    String type = "vector(" + model.dimension() + ")";
    String sql = "explain (analyze, buffers) select e.id, (e.embedding::" + type + " <=> '"
        + Arrays.toString(vector).replace(" ", "") + "'::" + type
        + ") as distance from entries e where e.model_id = '" + model.id()
        + "' and e.user_id = '" + owners.getFirst().value() + "' order by e.embedding::" + type
        + " <=> '"
        + Arrays.toString(vector).replace(" ", "") + "'::" + type + " limit " + CANDIDATES;
    try (Connection c = DriverManager.getConnection(jdbc, "khoj4j", "khoj4j")) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("set local hnsw.iterative_scan = relaxed_order");
        s.execute("set local hnsw.ef_search = 100");
        // a connection's first query also loads catalogs and the extension (tens of ms): show the
        // second run
        for (int run = 1; run <= 2; run++) {
          System.out.println("EXPLAIN ANALYZE of the vector ranker's query (owner filter, n="
              + CANDIDATES + "), run " + run + " on a new connection:");
          try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
              if (run == 2) {
                System.out.println("  " + rs.getString(1));
              } else if (rs.getString(1).startsWith("Execution Time")) {
                System.out.println("  " + rs.getString(1));
              }
            }
          }
        }
      }
      c.rollback();
    }
  }

  // ------------------------------------------------------------------------------------------------ raw SQL

  /** The server's two rankers on one connection of this thread, each call in a transaction of its own. */
  private Rankers rankers() {
    DataSource ds = BenchConnections.kept(jdbc);
    return new Rankers(
        new PgVectorEntryRanker(ds), new PgFullTextEntryRanker(ds), new PgEntryTexts(ds));
  }

  private final class Rankers {
    private final EntryRanker vector;
    private final EntryRanker keyword;
    double lastVectorMs;
    double lastKeywordMs;

    private final EntryTexts texts;

    Rankers(EntryRanker vector, EntryRanker keyword, EntryTexts texts) {
      this.vector = vector;
      this.keyword = keyword;
      this.texts = texts;
    }

    void rank(UserId owner, String q, float[] v) {
      String words = Arrays.stream(q.split("[^\\p{L}\\p{N}]+"))
          .filter(w -> !w.isEmpty())
          .map(w -> w.toLowerCase(Locale.ROOT))
          .distinct()
          .collect(Collectors.joining(" "));
      EntryRanker.Request request = new EntryRanker.Request(
          owner,
          words,
          v,
          model.id(),
          model.dimension(),
          Optional.empty(),
          EntryFilter.NONE,
          CANDIDATES);
      long t0 = System.nanoTime();
      List<RankedEntry> hits = vector.rank(request);
      int found = hits.size();
      long t1 = System.nanoTime();
      // every owner holds at least this many entries: a ranker that returns fewer than it asked for
      // has lost
      // its index settings (ef_search, the iterative scan) and measures less work than it should
      if (found < CANDIDATES) {
        throw new IllegalStateException("the vector ranker returned " + found + " of " + CANDIDATES
            + " candidates for " + q + ": its settings did not reach its query");
      }
      vectorCandidates.addAndGet(found);
      vectorCalls.incrementAndGet();
      List<RankedEntry> byWords = keyword.rank(new EntryRanker.Request(
          owner,
          words,
          null,
          model.id(),
          model.dimension(),
          Optional.empty(),
          EntryFilter.NONE,
          CANDIDATES));
      long t2 = System.nanoTime();
      // the distances of the entries only the words found, which the convex fusion scores (ADR 34)
      EntryTexts.QueryVector queryVector =
          new EntryTexts.QueryVector(v, model.id(), model.dimension());
      Set<UUID> near = hits.stream().map(RankedEntry::id).collect(Collectors.toSet());
      List<UUID> wordsOnly =
          byWords.stream().map(RankedEntry::id).filter(id -> !near.contains(id)).toList();
      if (!wordsOnly.isEmpty()) {
        texts.distancesOf(owner, wordsOnly, queryVector);
      }
      // and the text of the n results, as the search reads it
      texts.textsOf(owner, hits.stream().limit(N).map(RankedEntry::id).toList(), queryVector);
      lastVectorMs = (t1 - t0) / 1e6;
      lastKeywordMs = (t2 - t1) / 1e6;
    }
  }

  private static void report(String label, List<Double> millis) {
    System.out.printf(
        Locale.ROOT,
        "  %-28s p50 %6.1f ms, p99 %6.1f ms%n",
        label,
        pct(millis, 50),
        pct(millis, 99));
  }

  private static double pct(List<Double> millis, int p) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * p / 100.0) - 1));
  }
}
