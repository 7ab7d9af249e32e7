package io.khoj4j.adapter.persistence.out.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.content.EntryRepositoryContract;
import io.khoj4j.application.port.out.content.StoredChunk;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PgVectorEntryRepositoryIT extends EntryRepositoryContract {

  @Inject
  PgVectorEntryRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Inject
  DataSource dataSource;

  @Override
  protected EntryRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  @Override
  protected UserId newOwner() {
    String email = "owner-" + UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()), email, email, "", "", false, false, Instant.now()))
        .id();
  }

  @Test
  void datesAreStoredWithTheirEntryAndGoWithIt() throws Exception {
    UserId owner = newOwner();
    StoredChunk c = chunk("/d.md", "dated", ContentType.MARKDOWN, ContentSource.COMPUTER);
    unitOfWork.run(() -> repository.insertChunks(owner, "/d.md", List.of(c)));

    assertThat(count("select count(*) from entry_dates where entry_id = '" + c.id() + "'"))
        .isEqualTo(1);

    unitOfWork.run(() -> repository.deleteFile(owner, "/d.md"));
    assertThat(count("select count(*) from entry_dates where entry_id = '" + c.id() + "'"))
        .isZero();
  }

  @Test
  void theVectorIndexIsCreatedOncePerModelAndStaleEntriesAreFound() throws Exception {
    repository.ensureIndex("fake", 64);
    repository.ensureIndex("fake", 64);
    assertThat(count("select count(*) from pg_indexes where indexname = '"
            + PgVectorEntryRepository.indexName("fake") + "'"))
        .isEqualTo(1);

    UserId owner = newOwner();
    StoredChunk c = chunk("/s.md", "stale text", ContentType.MARKDOWN, ContentSource.COMPUTER);
    unitOfWork.run(() -> repository.insertChunks(owner, "/s.md", List.of(c)));
    assertThat(repository.staleEntries("other-model", 100_000))
        .anySatisfy(s -> assertThat(s.entryId()).isEqualTo(c.id()));

    repository.updateEmbedding(c.id(), new float[] {1, 0, 0}, "other-model");
    assertThat(repository.staleEntries("other-model", 100_000))
        .noneSatisfy(s -> assertThat(s.entryId()).isEqualTo(c.id()));
    // stale whichever way the model ids sort
    assertThat(repository.staleEntries("aaa-model", 100_000))
        .anySatisfy(s -> assertThat(s.entryId()).isEqualTo(c.id()));
    assertThat(repository.staleEntries("zzz-model", 100_000))
        .anySatisfy(s -> assertThat(s.entryId()).isEqualTo(c.id()));
  }

  @Test
  void theIndexIsBuiltWithTheConfiguredGraphAndAnExistingOneIsKept() throws Exception {
    String model = "graph-" + java.util.UUID.randomUUID();
    new PgVectorEntryRepository(
            dataSource, java.time.Clock.systemUTC(), "64MB", new HnswGraph(8, 40))
        .ensureIndex(model, 3);
    String options = "select array_to_string(reloptions, ',') from pg_class where relname = '"
        + PgVectorEntryRepository.indexName(model) + "'";
    assertThat(text(options)).isEqualTo("m=8,ef_construction=40");
    // another graph configured later: the index stays as built until it is dropped
    new PgVectorEntryRepository(dataSource, java.time.Clock.systemUTC(), "64MB", HnswGraph.DEFAULT)
        .ensureIndex(model, 3);
    assertThat(text(options)).isEqualTo("m=8,ef_construction=40");
    try (var conn = dataSource.getConnection();
        var st = conn.createStatement()) {
      st.execute("drop index " + PgVectorEntryRepository.indexName(model));
    }
  }

  @Test
  void theServerBuildsTwiceAsDenseAGraphAsPgvectorsDefaultUnlessConfigured() throws Exception {
    String model = "default-graph-" + java.util.UUID.randomUUID();
    repository.ensureIndex(model, 3);
    assertThat(text("select array_to_string(reloptions, ',') from pg_class where relname = '"
            + PgVectorEntryRepository.indexName(model) + "'"))
        .isEqualTo("m=32,ef_construction=128");
    try (var conn = dataSource.getConnection();
        var st = conn.createStatement()) {
      st.execute("drop index " + PgVectorEntryRepository.indexName(model));
    }
  }

  @Test
  void anIndexLeftUnfinishedByAnEarlierStartIsBuiltAgain() throws Exception {
    String model = "left-over-" + UUID.randomUUID();
    String name = PgVectorEntryRepository.indexName(model);
    UserId owner = newOwner();
    for (String file : List.of("/l1.md", "/l2.md")) {
      StoredChunk c = chunk(file, "text of " + file, ContentType.MARKDOWN, ContentSource.COMPUTER);
      StoredChunk ofModel = new StoredChunk(
          c.id(),
          c.chunk(),
          c.type(),
          c.source(),
          c.corpusId(),
          new float[] {1, 0, 0},
          model,
          c.dates());
      unitOfWork.run(() -> repository.insertChunks(owner, file, List.of(ofModel)));
    }
    // a concurrent build that failed half-way (here: two equal keys) leaves an invalid index
    try (var conn = dataSource.getConnection();
        var st = conn.createStatement()) {
      assertThatThrownBy(() -> st.execute("create unique index concurrently " + name
              + " on entries (model_id) where model_id = '" + model + "'"))
          .hasMessageContaining("duplicate");
    }
    assertThat(
            text("select i.indisvalid::text from pg_index i join pg_class x on x.oid = i.indexrelid"
                + " where x.relname = '" + name + "'"))
        .isEqualTo("false");

    repository.ensureIndex(model, 3);

    assertThat(text("select i.indisvalid::text || ' ' || pg_get_indexdef(i.indexrelid)"
            + " from pg_index i join pg_class x on x.oid = i.indexrelid where x.relname = '" + name
            + "'"))
        .startsWith("true ")
        .contains("USING hnsw");
    dropIndex(name);
  }

  @Test
  void oneServerBuildsAModelsIndexWhileAnotherWaits() throws Exception {
    String model = "waits-" + UUID.randomUUID();
    String name = PgVectorEntryRepository.indexName(model);
    try (var other = dataSource.getConnection()) {
      // another replica building the index holds its lock
      try (var st = other.createStatement()) {
        st.execute("select pg_advisory_lock(hashtextextended('vector-index:" + name + "', 0))");
      }
      var building =
          java.util.concurrent.CompletableFuture.runAsync(() -> repository.ensureIndex(model, 3));
      Thread.sleep(1500);
      assertThat(building).isNotDone();
      assertThat(text("select count(*)::text from pg_class where relname = '" + name + "'"))
          .isEqualTo("0");
      try (var st = other.createStatement()) {
        st.execute("select pg_advisory_unlock(hashtextextended('vector-index:" + name + "', 0))");
      }
      building.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(text("select count(*)::text from pg_class where relname = '" + name + "'"))
        .isEqualTo("1");
    dropIndex(name);
  }

  private void dropIndex(String name) throws Exception {
    try (var conn = dataSource.getConnection();
        var st = conn.createStatement()) {
      st.execute("drop index if exists " + name);
    }
  }

  private String text(String sql) throws Exception {
    try (var conn = dataSource.getConnection();
        var st = conn.createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private long count(String sql) throws Exception {
    return Long.parseLong(text(sql));
  }
}
