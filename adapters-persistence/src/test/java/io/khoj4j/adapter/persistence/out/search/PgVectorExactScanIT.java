package io.khoj4j.adapter.persistence.out.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.EntryRankerContract;
import io.khoj4j.application.port.out.search.EntryTexts;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.search.EntryFilter;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector ranker's exact scan of a small owner's entries (ADR 36) passes the same contract as the index scan: a
 * ranker told to scan every owner exactly, over the same data.
 */
@QuarkusTest
class PgVectorExactScanIT extends EntryRankerContract {

  @Inject
  PgVectorEntryRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Inject
  PgEntryTexts texts;

  @Inject
  PgFullTextEntryRanker keyword;

  @Inject
  DataSource dataSource;

  /** Every owner that is not the whole table is scanned exactly. */
  private PgVectorEntryRanker exact;

  @BeforeEach
  void tableSizeKnown() throws SQLException {
    exact = new PgVectorEntryRanker(dataSource, 1_000_000, 1.0);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("analyze entries");
    }
  }

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
    String email = "exact-" + UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()), email, email, "", "", false, false, Instant.now()))
        .id();
  }

  /** The ranker as the server runs it: outside a transaction, its settings sent with its query. */
  @Override
  protected EntryRanker vectorRanker() {
    return exact;
  }

  @Override
  protected EntryRanker keywordRanker() {
    return keyword;
  }

  @Override
  protected EntryTexts texts() {
    return texts;
  }

  @Test
  void settingsSentWithAQueryHoldForItAndEndWithIt() throws SQLException {
    String settings = "select set_config('enable_indexscan', 'off', true),"
        + " set_config('hnsw.ef_search', '321', true)";
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getAutoCommit()).isTrue();
      // a pooled connection runs the same statement again and again: the driver prepares a
      // statement it has run a few times (prepareThreshold, 5) on the server, and a prepared
      // statement's settings must hold for its query as much as the first time
      for (int run = 1; run <= 12; run++) {
        try (PreparedStatement ps = RankingSql.prepare(
                c,
                settings,
                "select current_setting('enable_indexscan'), current_setting('hnsw.ef_search'), ?::int");
            ResultSet rs = executeWith(ps, settings)) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).as("run %d", run).isEqualTo("off");
          assertThat(rs.getString(2)).as("run %d", run).isEqualTo("321");
          assertThat(rs.getInt(3)).isEqualTo(7);
        }
      }
      // the next statement on the connection (the pool's next borrower) sees the defaults again
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select current_setting('enable_indexscan'),"
              + " coalesce(current_setting('hnsw.ef_search', true), '')")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("on");
        assertThat(rs.getString(2)).isNotEqualTo("321");
      }
    }
  }

  private static ResultSet executeWith(PreparedStatement ps, String settings) throws SQLException {
    // untyped, as the rankers send the query vector's text
    ps.setObject(1, "7", java.sql.Types.OTHER);
    return RankingSql.execute(ps, settings);
  }

  @Test
  void theRankerLeavesNoSettingOnItsConnection() throws SQLException {
    UserId owner = newOwner();
    add(owner, "/a.md", ContentType.MARKDOWN, "one", null);
    try (Connection c = dataSource.getConnection()) {
      DataSource one = OneConnection.of(c);
      PgVectorEntryRanker ranker = new PgVectorEntryRanker(one, 1_000_000, 1.0);
      assertThat(rank(ranker, owner, "one", EntryFilter.NONE, Optional.empty())).hasSize(1);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select current_setting('enable_indexscan')")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("on");
      }
    }
  }

  @Test
  void anOwnerIsScannedExactlyOnlyWhenSmallInCountAndInShare() throws SQLException {
    EntryRanker.Request request = request(ownerOfTwoEntries(), 10);
    try (Connection c = dataSource.getConnection()) {
      assertThat(new PgVectorEntryRanker(dataSource, 2, 1.0).exact(c, request)).isTrue();
      // more entries than the limit
      assertThat(new PgVectorEntryRanker(dataSource, 1, 1.0).exact(c, request)).isFalse();
      // never
      assertThat(new PgVectorEntryRanker(dataSource, 0, 1.0).exact(c, request)).isFalse();
      // a share of the table no owner is below
      assertThat(new PgVectorEntryRanker(dataSource, 1_000, 0.0).exact(c, request))
          .isFalse();
    }
  }

  @Test
  void theGraphWalksListGrowsWithTheOwnersEntriesPastItsReferenceSize() throws SQLException {
    UserId owner = ownerOfTwoEntries();
    EntryRanker.Request ten = request(owner, 10);
    try (Connection c = dataSource.getConnection()) {
      // two entries, twice the reference size of one: twice the configured list
      assertThat(new PgVectorEntryRanker(dataSource, 0, 1.0, 10, 1).efSearch(c, ten))
          .isEqualTo(20);
      assertThat(new PgVectorEntryRanker(dataSource, 0, 1.0, 300, 1).efSearch(c, ten))
          .isEqualTo(600);
      // at most pgvector's 1,000
      assertThat(new PgVectorEntryRanker(dataSource, 0, 1.0, 600, 1).efSearch(c, ten))
          .isEqualTo(1000);
      // an owner no larger than the reference size, or no growth configured: as configured
      assertThat(new PgVectorEntryRanker(dataSource, 0, 1.0, 15, 2).efSearch(c, ten))
          .isEqualTo(15);
      assertThat(new PgVectorEntryRanker(dataSource, 0, 1.0, 15, 0).efSearch(c, ten))
          .isEqualTo(15);
      // never fewer than the candidates asked for
      assertThat(new PgVectorEntryRanker(dataSource, 0, 1.0, 15, 0).efSearch(c, request(owner, 50)))
          .isEqualTo(50);
    }
  }

  /** A new owner of two entries, with the table's statistics (the ranker's table size) brought up to date. */
  private UserId ownerOfTwoEntries() throws SQLException {
    UserId owner = newOwner();
    add(owner, "/a.md", ContentType.MARKDOWN, "one", null);
    add(owner, "/b.md", ContentType.MARKDOWN, "two", null);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("analyze entries");
    }
    return owner;
  }

  /** A vector request of {@code owner}'s asking for {@code candidates} entries. */
  private static EntryRanker.Request request(UserId owner, int candidates) {
    return new EntryRanker.Request(
        owner, "", new float[] {1}, "m", 1, Optional.empty(), EntryFilter.NONE, candidates);
  }
}
