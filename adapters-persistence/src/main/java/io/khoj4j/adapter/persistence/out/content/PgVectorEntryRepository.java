package io.khoj4j.adapter.persistence.out.content;

import com.pgvector.PGvector;
import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.application.port.out.content.EmbeddingMaintenance;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.content.StoredChunk;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.user.UserId;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Entries and file records in PostgreSQL, vectors in pgvector. Plain JDBC rather than entities: bulk inserts, vector
 * parameters, advisory locks and per-model expression indexes are SQL's own vocabulary. Connections come from the
 * Agroal pool and join the caller's JTA transaction.
 */
@ApplicationScoped
public class PgVectorEntryRepository implements EntryRepository, EmbeddingMaintenance {

  private static final Logger LOG = Logger.getLogger(PgVectorEntryRepository.class);

  /** PostgreSQL's memory settings are sizes like {@code 512MB} or {@code 2GB}; anything else is refused at start-up. */
  private static final Pattern MEMORY = Pattern.compile("\\d{1,7}(kB|MB|GB|TB)?");

  private final Jdbc jdbc;
  private final Clock clock;
  private final String indexBuildMemory;
  private final HnswGraph graph;

  /**
   * @param indexBuildMemory PostgreSQL's {@code maintenance_work_mem} while a vector index is built: the graph is
   *     built in memory while it fits (a million 384-dimension vectors take about 2 GB), and far more slowly on disk
   *     beyond (ADR 36)
   */
  @jakarta.inject.Inject
  public PgVectorEntryRepository(
      DataSource dataSource,
      Clock clock,
      @ConfigProperty(name = "khoj.search.index-build-memory", defaultValue = "1GB")
          String indexBuildMemory,
      @ConfigProperty(name = "khoj.search.vector.hnsw-m", defaultValue = "32") int m,
      @ConfigProperty(name = "khoj.search.vector.hnsw-ef-construction", defaultValue = "128")
          int efConstruction) {
    this(dataSource, clock, indexBuildMemory, new HnswGraph(m, efConstruction));
  }

  /**
   * @param graph how densely a model's vector index is built when it is missing
   */
  public PgVectorEntryRepository(
      DataSource dataSource, Clock clock, String indexBuildMemory, HnswGraph graph) {
    if (!MEMORY.matcher(indexBuildMemory).matches()) {
      throw new IllegalArgumentException(
          "khoj.search.index-build-memory must be a size such as 512MB or 2GB, got "
              + indexBuildMemory);
    }
    this.jdbc = new Jdbc(dataSource, "entry storage");
    this.clock = clock;
    this.indexBuildMemory = indexBuildMemory;
    this.graph = graph;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockFile(UserId owner, String file) {
    jdbc.inConnection(c -> {
      try (PreparedStatement ps =
          c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
        ps.setString(1, owner + ":" + file);
        ps.execute();
        return null;
      }
    });
  }

  @Override
  public Set<ContentHash> hashesOf(UserId owner, String file) {
    return new HashSet<>(jdbc.list(
        "select content_hash from entries where user_id = ? and file_path = ?",
        rs -> new ContentHash(rs.getString(1)),
        owner.value(),
        file));
  }

  @Override
  public Map<String, Set<ContentHash>> hashesOf(UserId owner, Collection<String> files) {
    if (files.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .list(
            "select file_path, content_hash from entries where user_id = ? and file_path = any (?)",
            rs -> Map.entry(rs.getString(1), new ContentHash(rs.getString(2))),
            owner.value(),
            Set.copyOf(files).toArray(String[]::new))
        .stream()
        .collect(Collectors.groupingBy(
            Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
  }

  @Override
  @Transactional
  public int deleteChunksNotIn(UserId owner, String file, Set<ContentHash> keep) {
    String[] hashes = keep.stream().map(ContentHash::hex).toArray(String[]::new);
    return jdbc.inConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "delete from entries where user_id = ? and file_path = ? and not (content_hash = any (?))")) {
        ps.setObject(1, owner.value());
        ps.setString(2, file);
        ps.setArray(3, c.createArrayOf("bpchar", hashes));
        return ps.executeUpdate();
      }
    });
  }

  @Override
  @Transactional
  @WithSpan("index.write")
  public void insertChunks(UserId owner, String file, Collection<StoredChunk> chunks) {
    Span.current().setAttribute("khoj.chunks", chunks.size());
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.inConnection(c -> {
      try (PreparedStatement entry = c.prepareStatement(
              "insert into entries (id, user_id, file_path, file_type, file_source, raw, compiled, heading, uri,"
                  + " content_hash, corpus_id, embedding, model_id, created_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " on conflict (user_id, file_path, content_hash) do nothing");
          PreparedStatement date = c.prepareStatement(
              "insert into entry_dates (entry_id, user_id, mentioned)"
                  + " select ?, ?, ? where exists (select 1 from entries where id = ?) on conflict do nothing")) {
        for (StoredChunk s : chunks) {
          entry.setObject(1, s.id());
          entry.setObject(2, owner.value());
          entry.setString(3, file);
          entry.setString(4, s.type().wireName());
          entry.setString(5, s.source().wireName());
          entry.setString(6, s.chunk().raw());
          entry.setString(7, s.chunk().compiled());
          entry.setString(8, s.chunk().heading());
          entry.setString(9, s.chunk().uri());
          entry.setString(10, s.chunk().hash().hex());
          entry.setObject(11, s.corpusId());
          entry.setObject(12, s.embedding() == null ? null : new PGvector(s.embedding()));
          entry.setString(13, s.modelId());
          entry.setTimestamp(14, now);
          entry.addBatch();
        }
        entry.executeBatch();
        boolean anyDate = false;
        for (StoredChunk s : chunks) {
          for (LocalDate d : s.dates()) {
            date.setObject(1, s.id());
            date.setObject(2, owner.value());
            date.setDate(3, Date.valueOf(d));
            date.setObject(4, s.id());
            date.addBatch();
            anyDate = true;
          }
        }
        if (anyDate) {
          date.executeBatch();
        }
        return null;
      }
    });
  }

  @Override
  @Transactional
  public void saveFile(IndexedFile file) {
    jdbc.update(
        "insert into indexed_files (id, user_id, file_name, file_type, file_source, raw_text, size_bytes,"
            + " indexed_bytes, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (user_id, file_name) do update set file_type = excluded.file_type,"
            + " file_source = excluded.file_source, raw_text = excluded.raw_text,"
            + " size_bytes = excluded.size_bytes, indexed_bytes = excluded.indexed_bytes,"
            + " updated_at = excluded.updated_at",
        file.id(),
        file.owner().value(),
        file.name(),
        file.type().wireName(),
        file.source().wireName(),
        file.rawText().replace("\u0000", ""),
        file.sizeBytes(),
        file.indexedBytes(),
        Timestamp.from(file.updatedAt()));
  }

  @Override
  @Transactional
  public int deleteFile(UserId owner, String file) {
    jdbc.update(
        "delete from indexed_files where user_id = ? and file_name = ?", owner.value(), file);
    return jdbc.update(
        "delete from entries where user_id = ? and file_path = ?", owner.value(), file);
  }

  @Override
  public Set<String> fileNames(UserId owner, ContentType type) {
    return new LinkedHashSet<>(jdbc.list(
        "select file_path from entries where user_id = ? and file_type = ?"
            + " union select file_name from indexed_files where user_id = ? and file_type = ?",
        rs -> rs.getString(1),
        owner.value(),
        type.wireName(),
        owner.value(),
        type.wireName()));
  }

  @Override
  @Transactional
  public int deleteType(UserId owner, ContentType type) {
    jdbc.update(
        "delete from indexed_files where user_id = ? and file_type = ?",
        owner.value(),
        type.wireName());
    return jdbc.update(
        "delete from entries where user_id = ? and file_type = ?", owner.value(), type.wireName());
  }

  @Override
  @Transactional
  public int deleteAll(UserId owner) {
    jdbc.update("delete from indexed_files where user_id = ?", owner.value());
    return jdbc.update("delete from entries where user_id = ?", owner.value());
  }

  @Override
  @Transactional
  public int deleteSource(UserId owner, ContentSource source) {
    jdbc.update(
        "delete from indexed_files where user_id = ? and file_source = ?",
        owner.value(),
        source.wireName());
    return jdbc.update(
        "delete from entries where user_id = ? and file_source = ?",
        owner.value(),
        source.wireName());
  }

  private static IndexedFile file(ResultSet rs) throws SQLException {
    return new IndexedFile(
        rs.getObject("id", UUID.class),
        new UserId(rs.getObject("user_id", UUID.class)),
        rs.getString("file_name"),
        ContentType.fromWire(rs.getString("file_type")).orElseThrow(),
        ContentSource.fromWire(rs.getString("file_source")).orElseThrow(),
        rs.getString("raw_text"),
        rs.getLong("size_bytes"),
        rs.getLong("indexed_bytes"),
        rs.getTimestamp("updated_at").toInstant());
  }

  @Override
  public List<IndexedFile> listFiles(UserId owner, int offset, int limit) {
    return jdbc.list(
        "select * from indexed_files where user_id = ? order by updated_at desc, file_name"
            + " offset ? limit ?",
        PgVectorEntryRepository::file,
        owner.value(),
        offset,
        limit);
  }

  @Override
  public long countFiles(UserId owner) {
    return jdbc.list(
            "select count(*) from indexed_files where user_id = ?",
            rs -> rs.getLong(1),
            owner.value())
        .getFirst();
  }

  @Override
  public Optional<IndexedFile> findFile(UserId owner, String name) {
    return jdbc
        .list(
            "select * from indexed_files where user_id = ? and file_name = ?",
            PgVectorEntryRepository::file,
            owner.value(),
            name)
        .stream()
        .findFirst();
  }

  @Override
  public boolean hasFile(UserId owner, String name) {
    return jdbc.list(
            "select exists (select 1 from indexed_files where user_id = ? and file_name = ?)",
            rs -> rs.getBoolean(1),
            owner.value(),
            name)
        .getFirst();
  }

  @Override
  public List<String> filePathsOfSource(UserId owner, ContentSource source) {
    return jdbc.list(
        "select distinct file_path from entries where user_id = ? and file_source = ? order by 1",
        rs -> rs.getString(1),
        owner.value(),
        source.wireName());
  }

  @Override
  public Set<ContentType> contentTypes(UserId owner) {
    Set<ContentType> types = EnumSet.noneOf(ContentType.class);
    // a skip scan over (user_id, file_type): one index probe per type, where a distinct read
    // every entry of the owner (seconds at a million)
    jdbc.list("""
            with recursive types (file_type) as (
                (select file_type from entries where user_id = ? order by file_type limit 1)
                union all
                select (select e.file_type from entries e
                        where e.user_id = ? and e.file_type > t.file_type order by e.file_type limit 1)
                from types t where t.file_type is not null)
            select file_type from types where file_type is not null
            """, rs -> rs.getString(1), owner.value(), owner.value())
        .forEach(t -> ContentType.fromWire(t).ifPresent(types::add));
    return types;
  }

  @Override
  public boolean hasEntries(UserId owner) {
    return jdbc.list(
            "select exists (select 1 from entries where user_id = ?)",
            rs -> rs.getBoolean(1),
            owner.value())
        .getFirst();
  }

  @Override
  public long indexedBytes(UserId owner) {
    return jdbc.list(
            "select coalesce(sum(indexed_bytes), 0) from indexed_files where user_id = ?",
            rs -> rs.getLong(1),
            owner.value())
        .getFirst();
  }

  // ------------------------------------------------------------------ EmbeddingMaintenance

  /** Name of the partial HNSW index holding one model's vectors. */
  public static String indexName(String modelId) {
    return "entries_embedding_"
        + io.khoj4j.domain.content.ContentHash.of(modelId).hex().substring(0, 12);
  }

  @Override
  public void ensureIndex(String modelId, int dimension) {
    Optional<String> statement = graph.indexSql(modelId, dimension, true);
    if (statement.isEmpty()) {
      LOG.warnf(
          "No vector index for %s: its %d dimensions are more than pgvector's graph holds (%d);"
              + " each search compares the query with every one of the owner's entries",
          modelId, dimension, HnswGraph.MAX_HALF_DIMENSIONS);
      return;
    }
    String sql = statement.get();
    String name = indexName(modelId);
    List<String> built = jdbc.inConnection(c -> {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(true);
      try {
        build(c, name, sql);
      } finally {
        c.setAutoCommit(auto);
      }
      // an index built earlier keeps the graph it was built with
      try (PreparedStatement ps =
          c.prepareStatement("select coalesce(reloptions, '{}') from pg_class where relname = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? List.of((String[]) rs.getArray(1).getArray()) : List.<String>of();
        }
      }
    });
    HnswGraph existing = HnswGraph.of(built);
    if (!existing.equals(graph)) {
      LOG.warnf(
          "Vector index %s was built with m = %d, ef_construction = %d, not the configured %d and %d:"
              + " drop it and restart to rebuild it (docs/operations.md)",
          name, existing.m(), existing.efConstruction(), graph.m(), graph.efConstruction());
    }
    LOG.infof("Vector index %s ready for %s (%d dimensions)", name, modelId, dimension);
  }

  /**
   * Builds the index {@code name} with {@code sql} on a connection in auto-commit (a concurrent build needs it), one
   * builder at a time across replicas, so that an index of that name that is not valid is a leftover and not another
   * replica's build in progress.
   */
  private void build(Connection c, String name, String sql) throws SQLException {
    // tried, never waited on inside a statement: a statement blocked on the lock would hold a
    // snapshot that the other replica's concurrent build waits for
    awaitLock(c, name);
    try (Statement s = c.createStatement()) {
      if (leftOver(c, name)) {
        // a build that stopped half-way (the server was stopped during it, or it failed) leaves an
        // unusable index under the name, which "if not exists" would keep forever
        LOG.warnf(
            "Vector index %s was left unfinished by an earlier start: building it again", name);
        s.execute("drop index concurrently if exists " + name);
      }
      // for this session only: the pool's other connections keep the server's setting
      s.execute("set maintenance_work_mem = '" + indexBuildMemory + "'");
      try {
        s.execute(sql);
      } finally {
        s.execute("reset maintenance_work_mem");
      }
    } finally {
      try (PreparedStatement ps =
          c.prepareStatement("select pg_advisory_unlock(" + BUILD_LOCK + ")")) {
        ps.setString(1, name);
        ps.execute();
      }
    }
  }

  /** The session lock that one builder of an index holds ({@code ?}: the index's name). */
  private static final String BUILD_LOCK = "hashtextextended('vector-index:' || ?, 0)";

  /** Takes the build lock of index {@code name}, trying each second while another replica holds it. */
  private static void awaitLock(Connection c, String name) throws SQLException {
    boolean told = false;
    while (true) {
      try (PreparedStatement ps =
          c.prepareStatement("select pg_try_advisory_lock(" + BUILD_LOCK + ")")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return;
          }
        }
      }
      if (!told) {
        LOG.infof("Vector index %s is being built by another server: waiting for it", name);
        told = true;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to build " + name, e);
      }
    }
  }

  /** Whether an index of this name exists but cannot be used: what a concurrent build that stopped leaves. */
  private static boolean leftOver(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select not i.indisvalid from pg_index i join pg_class x on x.oid = i.indexrelid"
            + " where x.relname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * Entries of another model than {@code ?} (given twice), or none: written so the model index answers it (three
   * range scans) — the re-embedding job asks every 30 s, and "is distinct from" read the whole table each time.
   */
  private static final String STALE = "(model_id is null or model_id < ? or model_id > ?)";

  @Override
  public List<Stale> staleEntries(String modelId, int limit) {
    return jdbc.list(
        "select id, compiled from entries where " + STALE + " limit ?",
        rs -> new Stale(rs.getObject(1, UUID.class), rs.getString(2)),
        modelId,
        modelId,
        limit);
  }

  @Override
  @Transactional
  public void updateEmbedding(UUID entryId, float[] embedding, String modelId) {
    jdbc.update(
        "update entries set embedding = ?, model_id = ? where id = ?",
        new PGvector(embedding),
        modelId,
        entryId);
  }

  @Override
  public long countStale(String modelId) {
    return jdbc.list(
            "select count(*) from entries where " + STALE, rs -> rs.getLong(1), modelId, modelId)
        .getFirst();
  }
}
