package io.khoj4j.adapter.persistence.out.search;

import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.JpaUserRepository;
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

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PostgresEntryRankersIT extends EntryRankerContract {

  @Inject PgVectorEntryRepository repository;
  @Inject JpaUserRepository users;
  @Inject QuarkusTransactionUnitOfWork unitOfWork;
  @Inject PgVectorEntryRanker vector;
  @Inject FullTextEntryRanker keyword;
  @Inject DataSource dataSource;

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
    return users.insertIfAbsent(new User(new UserId(UUID.randomUUID()), email, email, "", "", false, false,
        Instant.now())).id();
  }

  @Override
  protected EntryRanker vectorRanker() {
    return vector;
  }

  @Override
  protected EntryRanker keywordRanker() {
    return keyword;
  }

  @Test
  void rareWordsOutweighCommonOnesWhetherFrequenciesAreCountedOrEstimated() throws SQLException {
    // enough "tea" that ANALYZE lists it among the table's most common lexemes, which the estimating path reads
    UserId carol = newOwner();
    for (int i = 0; i < 400; i++) {
      add(carol, "/tea/" + i + ".md", ContentType.MARKDOWN, "tea log " + i + ": tea, more tea, tea again", null);
    }
    add(carol, "/rare.md", ContentType.MARKDOWN, "a cup of oolong", null);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("analyze entries");
    }
    FullTextEntryRanker estimating = new FullTextEntryRanker(dataSource, 0);
    for (EntryRanker ranker : List.of(keyword, estimating)) {
      List<RankedEntry> hits = rank(ranker, carol, "tea oolong", EntryFilter.NONE, Optional.empty());
      assertThat(hits).hasSize(10);
      assertThat(hits.getFirst().file()).isEqualTo("/rare.md");
    }
  }
}
