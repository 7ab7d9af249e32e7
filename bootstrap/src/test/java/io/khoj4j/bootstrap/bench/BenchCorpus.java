package io.khoj4j.bootstrap.bench;

import io.khoj4j.application.quality.BeirDataset;
import io.khoj4j.bootstrap.quality.BeirHarness;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The collections the scale benchmarks search: SciFact uploaded through the API, then grown in SQL. */
final class BenchCorpus {

  private BenchCorpus() {}

  static BeirDataset scifact() {
    return BeirDataset.locate("scifact")
        .map(BeirDataset::load)
        .orElseThrow(() ->
            new IllegalStateException("../shared/data/retrieval/scifact is absent in this clone"));
  }

  /**
   * The first {@code baseDocs} documents through {@code PATCH /api/content} (real chunking, real embeddings), unless
   * the database already holds entries; returns how many entries it holds.
   */
  static long upload(String base, Connection c, BeirDataset data, int baseDocs) throws Exception {
    long existing = entries(c);
    if (existing == 0) {
      Map<String, BeirDataset.Document> subset = new LinkedHashMap<>();
      data.corpus().values().stream().limit(baseDocs).forEach(d -> subset.put(d.id(), d));
      long t0 = System.nanoTime();
      new BeirHarness(base, null)
          .index(new BeirDataset(data.name(), subset, Map.of(), Map.of()), 4);
      existing = entries(c);
      System.out.printf(
          "seed: %d documents uploaded as %d entries in %.0f s%n",
          subset.size(), existing, (System.nanoTime() - t0) / 1e9);
    }
    return existing;
  }

  /**
   * Grows the entries table to {@code total} rows: each copy is an uploaded entry's text under a new path, its vector
   * the entry's own plus 0.6 of a pseudo-random partner entry's plus uniform noise, normalised. Copies so sit between
   * topics, as real collections do: copies of one entry differing only by noise would form islands the HNSW graph
   * cannot leave, which no real collection has. Twenty copies of every entry per statement.
   */
  static void grow(Connection c, long total) throws SQLException {
    long existing = entries(c);
    if (existing >= total) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("""
          create temp table base as
          select e.*, row_number() over (order by e.id) as rn, count(*) over () as n
          from entries e where e.file_path not like '%#copy-%'""");
    }
    long originals = count(c, "select count(*) from base");
    int copy = (int) ((existing - originals) / originals);
    long t0 = System.nanoTime();
    while (existing < total) {
      int copies = (int) Math.min(20, Math.ceil((total - existing) / (double) originals));
      long limit = Math.min(copies * originals, total - existing);
      String sql = """
          insert into entries (id, user_id, file_path, file_type, file_source, raw, compiled, heading, uri,
                               content_hash, corpus_id, embedding, model_id, created_at)
          select gen_random_uuid(), a.user_id, a.file_path || '#copy-' || k, a.file_type, a.file_source, a.raw,
                 a.compiled, a.heading, a.uri, a.content_hash, gen_random_uuid(),
                 l2_normalize((select array_agg(x + 0.6 * y + (random() - 0.5) * 0.085)
                               from unnest(a.embedding::real[], b.embedding::real[]) as t(x, y))::vector),
                 a.model_id, now()
          from generate_series(%d, %d) as g(k)
          cross join base a join base b on b.rn = ((a.rn * 7919 + g.k * 104729) %% a.n) + 1
          order by g.k, a.rn limit %d
          """.formatted(copy + 1, copy + copies, limit);
      try (Statement s = c.createStatement()) {
        existing += s.executeUpdate(sql);
      }
      copy += copies;
      System.out.printf("seed: %d entries (%.0f s)%n", existing, (System.nanoTime() - t0) / 1e9);
    }
    try (Statement s = c.createStatement()) {
      s.execute("drop table base");
    }
  }

  static long entries(Connection c) throws SQLException {
    return count(c, "select count(*) from entries");
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
