package io.khoj4j.adapter.persistence.out.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.EntryRankerContract;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.search.EntryFilter;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostgresEntryRankersIT extends EntryRankerContract {

  @Inject
  PgVectorEntryRepository repository;

  @Inject
  PgUserRepository users;

  @Inject
  QuarkusTransactionUnitOfWork unitOfWork;

  @Inject
  PgVectorEntryRanker vector;

  @Inject
  PgFullTextEntryRanker keyword;

  @Inject
  PgEntryTexts texts;

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
    String email = "ranker-" + UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()), email, email, "", "", false, false, Instant.now()))
        .id();
  }

  @Override
  protected EntryRanker vectorRanker() {
    return vector;
  }

  @Override
  protected EntryRanker keywordRanker() {
    return keyword;
  }

  @Override
  protected io.khoj4j.application.port.out.search.EntryTexts texts() {
    return texts;
  }

  @Test
  void rareWordsOutweighCommonOnesWhetherFrequenciesAreCountedOrEstimated() throws SQLException {
    // enough "tea" that ANALYZE lists it among the table's most common lexemes, which the
    // estimating path reads
    UserId carol = newOwner();
    for (int i = 0; i < 400; i++) {
      add(
          carol,
          "/tea/" + i + ".md",
          ContentType.MARKDOWN,
          "tea log " + i + ": tea, more tea, tea again",
          null);
    }
    add(carol, "/rare.md", ContentType.MARKDOWN, "a cup of oolong", null);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("analyze entries");
    }
    PgFullTextEntryRanker estimating = new PgFullTextEntryRanker(dataSource, 0, 1_000);
    for (EntryRanker ranker : List.of(keyword, estimating)) {
      List<RankedEntry> hits =
          rank(ranker, carol, "tea oolong", EntryFilter.NONE, Optional.empty());
      assertThat(hits).hasSize(10);
      assertThat(fileOf(carol, hits.getFirst())).isEqualTo("/rare.md");
    }
  }

  @Test
  void postingsFollowTheirEntriesAndLeaveNoOrphans() throws SQLException {
    UserId dave = newOwner();
    add(dave, "/a.md", ContentType.MARKDOWN, "oolong oolong tea", null);
    add(dave, "/b.md", ContentType.ORG, "tea", null);
    assertThat(postings(dave))
        .containsExactlyInAnyOrder(
            "/a.md oolong org=false", "/a.md tea org=false", "/b.md tea org=true");

    unitOfWork.run(() -> repository.deleteFile(dave, "/a.md"));
    assertThat(postings(dave)).containsExactly("/b.md tea org=true");
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("select count(*) from entry_terms t where not exists"
            + " (select 1 from entries e where e.id = t.entry_id)")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void aWordWeighsMoreTheMoreItOccursAndTheShorterTheEntry() {
    UserId erin = newOwner();
    add(
        erin,
        "/once.md",
        ContentType.MARKDOWN,
        "oolong and a long list of other words about many other things",
        null);
    add(
        erin,
        "/thrice.md",
        ContentType.MARKDOWN,
        "oolong oolong oolong and a long list of other words about things",
        null);
    add(erin, "/short.md", ContentType.MARKDOWN, "oolong", null);
    List<RankedEntry> hits = rank(keyword, erin, "oolong", EntryFilter.NONE, Optional.empty());
    assertThat(hits)
        .extracting(hit -> fileOf(erin, hit))
        .containsExactly("/thrice.md", "/short.md", "/once.md");
  }

  @Test
  void filteredAndUnfilteredSearchesScoreAlike() {
    UserId frank = newOwner();
    add(frank, "/1.md", ContentType.MARKDOWN, "black tea from Assam, strong tea", null);
    add(frank, "/2.md", ContentType.MARKDOWN, "oolong is a tea between green and black", null);
    add(frank, "/3.md", ContentType.MARKDOWN, "coffee, not tea", null);
    add(frank, "/4.md", ContentType.MARKDOWN, "oolong oolong", null);
    EntryFilter nothingExcluded = new EntryFilter(
        java.util.Set.of(),
        java.util.Set.of("zzzunused"),
        List.of(),
        List.of(),
        io.khoj4j.domain.search.DateRange.ALL);
    List<String> unfiltered =
        rank(keyword, frank, "oolong black tea", EntryFilter.NONE, Optional.empty()).stream()
            .map(hit -> fileOf(frank, hit))
            .toList();
    List<String> filtered =
        rank(keyword, frank, "oolong black tea", nothingExcluded, Optional.empty()).stream()
            .map(hit -> fileOf(frank, hit))
            .toList();
    assertThat(unfiltered).hasSize(4).isEqualTo(filtered);
  }

  @Test
  void aSmallPerWordBudgetStillFindsTheRareWord() {
    UserId grace = newOwner();
    for (int i = 0; i < 40; i++) {
      add(
          grace,
          "/tea/" + i + ".md",
          ContentType.MARKDOWN,
          "tea log " + i + ": tea, more tea",
          null);
    }
    add(grace, "/rare.md", ContentType.MARKDOWN, "a cup of oolong tea", null);
    PgFullTextEntryRanker frugal = new PgFullTextEntryRanker(dataSource, 20_000, 5);
    List<RankedEntry> hits = rank(frugal, grace, "tea oolong", EntryFilter.NONE, Optional.empty());
    assertThat(fileOf(grace, hits.getFirst())).isEqualTo("/rare.md");
    assertThat(hits).hasSize(10);
  }

  @Test
  void theQueryVectorReachesPostgresExactly() throws SQLException {
    float[] v = {0.1f, -1.0E-8f, 3.4028235E38f, 1.17549435E-38f, 0f, -0.25f, 1f / 3};
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement("select ?::vector(7)::real[]")) {
      ps.setObject(1, RankingSql.vectorLiteral(v), java.sql.Types.OTHER);
      try (var rs = ps.executeQuery()) {
        rs.next();
        Float[] back = (Float[]) rs.getArray(1).getArray();
        assertThat(back)
            .containsExactly(0.1f, -1.0E-8f, 3.4028235E38f, 1.17549435E-38f, 0f, -0.25f, 1f / 3);
      }
    }
  }

  private List<String> postings(UserId owner) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(
            "select e.file_path, t.lexeme,"
                + " t.file_type = 'org' from entry_terms t join entries e on e.id = t.entry_id where t.user_id = ?")) {
      ps.setObject(1, owner.value());
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + " " + rs.getString(2) + " org=" + rs.getBoolean(3));
        }
      }
    }
    return out;
  }
}
