package io.khoj4j.adapter.persistence.out.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.content.StoredChunk;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.khoj4j.domain.content.Chunk;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.search.DateRange;
import io.khoj4j.domain.search.EntryFilter;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Embedding models with more dimensions than pgvector's single-precision graph holds (2,000): OpenAI's
 * text-embedding-3-large and Gemini's embeddings have 3,072. Their graph holds half-precision vectors, up to 4,000;
 * beyond that a model has no graph and every search compares the query with each of the owner's entries. Either way
 * the stored vectors and the distances a search returns keep single precision.
 */
@QuarkusTest
class PgVectorLargeModelsIT {

  private static final int ENTRIES = 60;

  @Inject
  PgVectorEntryRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Inject
  DataSource dataSource;

  @Test
  void aModelOf3072DimensionsGetsAHalfPrecisionGraphAndItsSearchesWalkIt() throws SQLException {
    String model = "large-" + UUID.randomUUID();
    try {
      repository.ensureIndex(model, 3072);
      assertThat(indexDefinition(model))
          .contains("USING hnsw (((embedding)::halfvec(3072)) halfvec_cosine_ops)");

      Stored collection = store(model, 3072);
      long scansBefore = indexScans(model);
      try (Connection c = dataSource.getConnection()) {
        // the graph walk, as for an owner holding the whole table; a planner told to avoid sorts
        // and full reads, so that it walks the graph whenever the query lets it, whatever the
        // few rows here would make it prefer
        try (Statement s = c.createStatement()) {
          s.execute("set enable_sort = off; set enable_seqscan = off; set enable_bitmapscan = off");
        }
        try {
          EntryRanker walk = new PgVectorEntryRanker(OneConnection.of(c), 0, 1.0);
          assertNearestFirstWithExactDistances(walk, collection);
        } finally {
          try (Statement s = c.createStatement()) {
            s.execute("reset all");
          }
        }
      }
      assertThat(awaitIndexScansAbove(model, scansBefore))
          .as("the search walked the half-precision graph")
          .isGreaterThan(scansBefore);

      // an exact scan of the same owner finds the same, at the same distances
      assertNearestFirstWithExactDistances(
          new PgVectorEntryRanker(dataSource, 1_000_000, 1.0), collection);
    } finally {
      dropIndex(model);
    }
  }

  @Test
  void aModelBeyondTheGraphsLimitStartsWithoutAnIndexAndIsSearchedExactly() throws SQLException {
    String model = "huge-" + UUID.randomUUID();
    repository.ensureIndex(model, 4096);
    assertThat(indexDefinition(model)).isNull();

    Stored collection = store(model, 4096);
    assertNearestFirstWithExactDistances(new PgVectorEntryRanker(dataSource, 0, 1.0), collection);
    assertNearestFirstWithExactDistances(
        new PgVectorEntryRanker(dataSource, 1_000_000, 1.0), collection);
  }

  @Test
  void aFilterThatFewEntriesPassFindsThemWhenTheWalkGivesUpEarly() throws SQLException {
    String model = "filtered-" + UUID.randomUUID();
    int dimension = 32;
    try {
      repository.ensureIndex(model, dimension);
      UserId owner = newOwner();
      Random random = new Random(11);
      float[] query = unit(random, dimension);
      List<StoredChunk> bulk = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        bulk.add(chunk("/bulk.md", "bulk " + i, unit(random, dimension), model));
      }
      unitOfWork.run(() -> repository.insertChunks(owner, "/bulk.md", bulk));
      // the one entry of its file, as far from the query as a vector can be: the walk reaches it
      // last
      float[] far = query.clone();
      for (int d = 0; d < dimension; d++) {
        far[d] = -far[d];
      }
      StoredChunk needle = chunk("/needle.md", "the needle", far, model);
      unitOfWork.run(() -> repository.insertChunks(owner, "/needle.md", List.of(needle)));

      EntryRanker.Request inNeedle = new EntryRanker.Request(
          owner,
          "",
          query,
          model,
          dimension,
          Optional.empty(),
          new EntryFilter(Set.of(), Set.of(), List.of("needle"), List.of(), DateRange.ALL),
          10);
      try (Connection c = dataSource.getConnection()) {
        try (Statement s = c.createStatement()) {
          s.execute("analyze entries");
          // a walk that gives up after 50 tuples, as one through a large collection gives up
          // after 20,000 (pgvector's default), on a planner that walks the graph whenever the
          // query lets it, whatever these few rows would make it prefer
          s.execute("set hnsw.max_scan_tuples = 50; set enable_sort = off;"
              + " set enable_seqscan = off; set enable_bitmapscan = off");
        }
        try {
          assertThat(walkPlan(c, owner, model, dimension))
              .as("the filtered query walks the graph")
              .contains(PgVectorEntryRepository.indexName(model));
          EntryRanker walk = new PgVectorEntryRanker(OneConnection.of(c), 0, 1.0);
          assertThat(walk.rank(inNeedle)).extracting(RankedEntry::id).containsExactly(needle.id());
        } finally {
          try (Statement s = c.createStatement()) {
            s.execute("reset all");
          }
        }
      }
    } finally {
      dropIndex(model);
    }
  }

  /** The plan of a filtered walk as the ranker sends it (iterative scan on). */
  private static String walkPlan(Connection c, UserId owner, String model, int dimension)
      throws SQLException {
    String zero = "[" + "0,".repeat(dimension - 1) + "1]";
    StringBuilder plan = new StringBuilder();
    try (Statement s = c.createStatement()) {
      s.execute("set hnsw.iterative_scan = relaxed_order");
      try (ResultSet rs = s.executeQuery("explain select id from entries e where e.model_id = '"
          + model + "' and e.user_id = '" + owner.value() + "' and e.file_path ~ 'needle'"
          + " order by e.embedding::vector(" + dimension + ") <=> '" + zero + "'::vector("
          + dimension + ") limit 10")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      s.execute("reset hnsw.iterative_scan");
    }
    return plan.toString();
  }

  private static StoredChunk chunk(String file, String text, float[] vector, String model) {
    Chunk chunk = new Chunk(text, text, "", file, "file://" + file, ContentHash.of(text), 0);
    return new StoredChunk(
        UUID.randomUUID(),
        chunk,
        ContentType.MARKDOWN,
        ContentSource.COMPUTER,
        UUID.randomUUID(),
        vector,
        model,
        Set.of());
  }

  /** One owner's entries of a model, and a query close to one of them. */
  private record Stored(
      UserId owner,
      String model,
      int dimension,
      List<UUID> ids,
      List<float[]> vectors,
      float[] query) {}

  private Stored store(String model, int dimension) {
    UserId owner = newOwner();
    Random random = new Random(dimension);
    List<UUID> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    List<StoredChunk> chunks = new ArrayList<>();
    for (int i = 0; i < ENTRIES; i++) {
      float[] v = unit(random, dimension);
      String file = "/large/" + i + ".md";
      Chunk chunk = new Chunk(
          "entry " + i, "entry " + i, "", file, "file://" + file, ContentHash.of(file), 0);
      UUID id = UUID.randomUUID();
      ids.add(id);
      vectors.add(v);
      chunks.add(new StoredChunk(
          id,
          chunk,
          ContentType.MARKDOWN,
          ContentSource.COMPUTER,
          UUID.randomUUID(),
          v,
          model,
          Set.of()));
    }
    for (StoredChunk c : chunks) {
      unitOfWork.run(() -> repository.insertChunks(owner, c.chunk().file(), List.of(c)));
    }
    // the query: entry 7 moved a little towards a random direction
    float[] query = vectors.get(7).clone();
    float[] noise = unit(random, dimension);
    for (int d = 0; d < dimension; d++) {
      query[d] += 0.3f * noise[d];
    }
    return new Stored(owner, model, dimension, ids, vectors, query);
  }

  private static void assertNearestFirstWithExactDistances(EntryRanker ranker, Stored collection) {
    List<RankedEntry> hits = ranker.rank(new EntryRanker.Request(
        collection.owner(),
        "",
        collection.query(),
        collection.model(),
        collection.dimension(),
        Optional.empty(),
        EntryFilter.NONE,
        10));
    assertThat(hits).hasSize(10);
    assertThat(hits.getFirst().id()).isEqualTo(collection.ids().get(7));
    for (RankedEntry hit : hits) {
      float[] stored = collection.vectors().get(collection.ids().indexOf(hit.id()));
      // single precision: a half-precision distance would be off by about 1e-4
      assertThat(hit.distance())
          .isCloseTo(cosineDistance(stored, collection.query()), within(1e-6));
    }
    assertThat(hits)
        .isSortedAccordingTo(java.util.Comparator.comparingDouble(RankedEntry::distance));
    // the ten nearest by an exact computation here
    List<UUID> expected = collection.ids().stream()
        .sorted(java.util.Comparator.comparingDouble((UUID id) -> cosineDistance(
            collection.vectors().get(collection.ids().indexOf(id)), collection.query())))
        .limit(10)
        .toList();
    assertThat(hits).extracting(RankedEntry::id).containsExactlyElementsOf(expected);
  }

  private static float[] unit(Random random, int dimension) {
    float[] v = new float[dimension];
    double norm = 0;
    for (int d = 0; d < dimension; d++) {
      v[d] = (float) random.nextGaussian();
      norm += v[d] * v[d];
    }
    for (int d = 0; d < dimension; d++) {
      v[d] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  private static double cosineDistance(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int d = 0; d < a.length; d++) {
      dot += (double) a[d] * b[d];
      na += (double) a[d] * a[d];
      nb += (double) b[d] * b[d];
    }
    return 1 - dot / Math.sqrt(na * nb);
  }

  private UserId newOwner() {
    String email = "large-" + UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()), email, email, "", "", false, false, Instant.now()))
        .id();
  }

  private String indexDefinition(String model) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement("select indexdef from pg_indexes where indexname = ?")) {
      ps.setString(1, PgVectorEntryRepository.indexName(model));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private long indexScans(String model) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(
            "select coalesce(sum(idx_scan), 0) from pg_stat_user_indexes where indexrelname = ?")) {
      ps.setString(1, PgVectorEntryRepository.indexName(model));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The index's scan count once PostgreSQL has published the ranker's (a backend reports within seconds). */
  private long awaitIndexScansAbove(String model, long before) throws SQLException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
    long scans = indexScans(model);
    while (scans <= before && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      scans = indexScans(model);
    }
    return scans;
  }

  private void dropIndex(String model) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop index if exists " + PgVectorEntryRepository.indexName(model));
    }
  }
}
