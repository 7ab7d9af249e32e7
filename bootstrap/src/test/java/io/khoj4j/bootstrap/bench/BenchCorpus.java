package io.khoj4j.bootstrap.bench;

import io.khoj4j.application.quality.BeirDataset;
import io.khoj4j.bootstrap.quality.BeirHarness;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
    grow(c, total, List.of());
  }

  /**
   * {@link #grow(Connection, long)}, the copies given to {@code owners} in turn (copy {@code k} to owner {@code k} modulo
   * their number; none: each copy keeps its original's owner).
   */
  static void grow(Connection c, long total, List<UUID> owners) throws SQLException {
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
    String owner = owners.isEmpty()
        ? "a.user_id"
        : "('{" + owners.stream().map(UUID::toString).collect(Collectors.joining(","))
            + "}'::uuid[])[mod(g.k, " + owners.size() + ") + 1]";
    long t0 = System.nanoTime();
    while (existing < total) {
      int copies = (int) Math.min(20, Math.ceil((total - existing) / (double) originals));
      long limit = Math.min(copies * originals, total - existing);
      String sql = """
          insert into entries (id, user_id, file_path, file_type, file_source, raw, compiled, heading, uri,
                               content_hash, corpus_id, embedding, model_id, created_at)
          select gen_random_uuid(), %s, a.file_path || '#copy-' || k, a.file_type, a.file_source, a.raw,
                 a.compiled, a.heading, a.uri, a.content_hash, gen_random_uuid(),
                 l2_normalize((select array_agg(x + 0.6 * y + (random() - 0.5) * 0.085)
                               from unnest(a.embedding::real[], b.embedding::real[]) as t(x, y))::vector),
                 a.model_id, now()
          from generate_series(%d, %d) as g(k)
          cross join base a join base b on b.rn = ((a.rn * 7919 + g.k * 104729) %% a.n) + 1
          order by g.k, a.rn limit %d
          """.formatted(owner, copy + 1, copy + copies, limit);
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

  /**
   * {@link #grow} for large collections: the indexes of {@code entries} and {@code entry_terms} that back no constraint
   * are dropped first and built again afterwards (each timed), the postings trigger is off while rows are copied and
   * the copies' postings are written in one statement, and the postings' foreign key is added again without checking
   * the rows written here. Building an HNSW graph or a B-tree once is many times cheaper than inserting a million rows
   * into it one statement at a time (the server's own inserts keep the trigger and every index).
   */
  static void growInBulk(Connection c, long total, List<UUID> owners) throws SQLException {
    if (entries(c) >= total) {
      return;
    }
    Map<String, String> indexes = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("""
            select indexname, indexdef from pg_indexes i
            where schemaname = current_schema() and tablename in ('entries', 'entry_terms')
              and not exists (select 1 from pg_constraint k where k.conindid = (quote_ident(i.indexname))::regclass)
            order by tablename, indexname""")) {
      while (rs.next()) {
        indexes.put(rs.getString(1), rs.getString(2));
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("alter table entries disable trigger entries_postings_on_insert");
      s.execute("alter table entry_terms drop constraint entry_terms_entry_id_fkey");
      for (String name : indexes.keySet()) {
        s.execute("drop index " + name);
      }
    }
    grow(c, total, owners);
    long t0 = System.nanoTime();
    try (Statement s = c.createStatement()) {
      long postings = s.executeUpdate("""
          insert into entry_terms (user_id, lexeme, file_type, impact, entry_id)
          select p.* from entries e,
               entry_postings(coalesce(e.user_id, e.agent_id), e.file_type, e.id, e.search_vector) p
          where e.file_path like '%#copy-%'""");
      s.execute("alter table entries enable trigger entries_postings_on_insert");
      System.out.printf(
          "seed: %d postings of the copies (%.0f s)%n", postings, (System.nanoTime() - t0) / 1e9);
      s.execute("set maintenance_work_mem = '6GB'");
      s.execute("set max_parallel_maintenance_workers = 1");
      for (Map.Entry<String, String> index : indexes.entrySet()) {
        long t1 = System.nanoTime();
        s.execute(index.getValue());
        System.out.printf(
            "seed: index %s built (%.0f s)%n", index.getKey(), (System.nanoTime() - t1) / 1e9);
      }
      s.execute("alter table entry_terms add constraint entry_terms_entry_id_fkey"
          + " foreign key (entry_id) references entries (id) on delete cascade not valid");
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
