package io.khoj4j.adapter.persistence.out.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.persistence.out.content.PgVectorEntryRepository;
import io.khoj4j.adapter.persistence.out.search.PgEntryTexts;
import io.khoj4j.adapter.persistence.out.search.PgFullTextEntryRanker;
import io.khoj4j.adapter.persistence.out.search.PgVectorEntryRanker;
import io.khoj4j.adapter.persistence.out.shared.QuarkusTransactionUnitOfWork;
import io.khoj4j.adapter.persistence.out.user.PgUserRepository;
import io.khoj4j.application.port.out.content.StoredChunk;
import io.khoj4j.application.port.out.embedding.FakeEmbeddingModel;
import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.EntryTexts;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.content.Chunk;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.search.DateRange;
import io.khoj4j.domain.search.EntryFilter;
import io.khoj4j.domain.search.SearchQuery;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agent's knowledge: a copy of its creator's entries, found only by searches that name the agent (ADR 16). */
@QuarkusTest
class PgAgentKnowledgeIT {

  private static final FakeEmbeddingModel MODEL = new FakeEmbeddingModel();

  @Inject
  PgAgentKnowledge knowledge;

  @Inject
  PgAgentRepository agents;

  @Inject
  PgVectorEntryRepository entries;

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

  private UserId alice;
  private UserId bob;
  private Agent agent;

  private UserId newUser() {
    String email = "knowledge-" + UUID.randomUUID() + "@example.org";
    return users
        .insertIfAbsent(new User(
            new UserId(UUID.randomUUID()), email, email, "", "", false, false, Instant.now()))
        .id();
  }

  private void add(UserId owner, String file, String text, LocalDate date) {
    Chunk chunk = new Chunk(text, text, "", file, "file://" + file, ContentHash.of(file + text), 0);
    StoredChunk stored = new StoredChunk(
        UUID.randomUUID(),
        chunk,
        ContentType.MARKDOWN,
        ContentSource.COMPUTER,
        UUID.randomUUID(),
        MODEL.embedQuery(text),
        MODEL.id(),
        date == null ? Set.of() : Set.of(date));
    unitOfWork.run(() -> entries.insertChunks(owner, file, List.of(stored)));
  }

  @BeforeEach
  void data() {
    alice = newUser();
    bob = newUser();
    add(alice, "/notes/tea.md", "matcha ceremony guide for beginners", LocalDate.of(2024, 3, 5));
    add(alice, "/notes/diary.md", "matcha secrets of my private diary", null);
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    agent = new Agent(
        id,
        AgentSlug.derive("Tea guide", id),
        Optional.of(alice),
        "Tea guide",
        "",
        AgentPrivacy.PUBLIC,
        Optional.empty(),
        Set.of(),
        Set.of(),
        null,
        null,
        false,
        now,
        now,
        List.of("/notes/tea.md"));
    unitOfWork.run(() -> {
      agents.insert(agent);
      knowledge.replace(agent.id(), alice, agent.files());
    });
  }

  private List<String> rank(EntryRanker ranker, UserId owner, Optional<UUID> withAgent, String q) {
    SearchQuery parsed = SearchQuery.parse(q);
    float[] v = ranker.kind().needsVector() ? MODEL.embedQuery(parsed.text()) : null;
    return files(
        owner,
        withAgent,
        ranker.rank(new EntryRanker.Request(
            owner,
            parsed.text(),
            v,
            MODEL.id(),
            FakeEmbeddingModel.DIMENSION,
            Optional.empty(),
            EntryFilter.of(parsed, DateRange.ALL),
            10,
            withAgent)));
  }

  private List<String> rankInMarch(EntryRanker ranker, UserId owner, Optional<UUID> withAgent) {
    float[] v = ranker.kind().needsVector() ? MODEL.embedQuery("matcha") : null;
    return files(
        owner,
        withAgent,
        ranker.rank(new EntryRanker.Request(
            owner,
            "matcha",
            v,
            MODEL.id(),
            FakeEmbeddingModel.DIMENSION,
            Optional.empty(),
            EntryFilter.of(
                SearchQuery.parse("matcha"),
                DateRange.between(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1))),
            10,
            withAgent)));
  }

  /** The files of ranked entries, in their order (rankers return ids; files are read with the texts). */
  private List<String> files(UserId owner, Optional<UUID> withAgent, List<RankedEntry> hits) {
    EntryTexts.QueryVector query = new EntryTexts.QueryVector(
        MODEL.embedQuery("file"), MODEL.id(), FakeEmbeddingModel.DIMENSION);
    var read =
        texts.textsOf(owner, withAgent, hits.stream().map(RankedEntry::id).toList(), query);
    return hits.stream().map(h -> read.get(h.id()).file()).toList();
  }

  private long agentEntries(UUID agentId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select count(*) from entries where agent_id = ?")) {
      s.setObject(1, agentId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void onlyTheCreatorsIndexedFilesCountAsKnowledge() {
    assertThat(knowledge.indexed(alice, List.of("/notes/tea.md", "/notes/none.md")))
        .containsExactly("/notes/tea.md");
    assertThat(knowledge.indexed(bob, List.of("/notes/tea.md"))).isEmpty();
  }

  @Test
  void aSearchNamingTheAgentFindsItsKnowledgeAndNeverTheCreatorsOtherNotes() {
    for (EntryRanker ranker : List.of(vector, keyword)) {
      assertThat(rank(ranker, bob, Optional.of(agent.id()), "matcha"))
          .as(ranker.kind().name())
          .containsExactly("/notes/tea.md");
      assertThat(rank(ranker, bob, Optional.of(agent.id()), "matcha +\"ceremony\""))
          .as(ranker.kind() + " filtered")
          .containsExactly("/notes/tea.md");
      assertThat(rankInMarch(ranker, bob, Optional.of(agent.id())))
          .as(ranker.kind() + " dated")
          .containsExactly("/notes/tea.md");
      assertThat(rank(ranker, bob, Optional.empty(), "matcha"))
          .as(ranker.kind() + " without the agent")
          .isEmpty();
      assertThat(rank(ranker, alice, Optional.empty(), "matcha"))
          .as(ranker.kind() + " Alice's own")
          .containsExactlyInAnyOrder("/notes/tea.md", "/notes/diary.md");
    }
  }

  @Test
  void theKnowledgesTextIsReadOnlyWithTheAgentNamed() {
    float[] v = MODEL.embedQuery("matcha");
    List<UUID> ids = vector
        .rank(new EntryRanker.Request(
            bob,
            "matcha",
            v,
            MODEL.id(),
            FakeEmbeddingModel.DIMENSION,
            Optional.empty(),
            EntryFilter.NONE,
            10,
            Optional.of(agent.id())))
        .stream()
        .map(RankedEntry::id)
        .toList();
    EntryTexts.QueryVector query =
        new EntryTexts.QueryVector(v, MODEL.id(), FakeEmbeddingModel.DIMENSION);

    assertThat(texts.textsOf(bob, Optional.of(agent.id()), ids, query).values())
        .extracting(EntryTexts.EntryText::raw)
        .containsExactly("matcha ceremony guide for beginners");
    assertThat(texts.textsOf(bob, ids, query)).isEmpty();
    assertThat(texts.distancesOf(bob, Optional.of(agent.id()), ids, query)).hasSize(1);
  }

  @Test
  void savingAgainReplacesTheCopyAndDeletingTheAgentDeletesIt() throws Exception {
    unitOfWork.run(() -> knowledge.replace(agent.id(), alice, List.of("/notes/diary.md")));
    assertThat(rank(vector, bob, Optional.of(agent.id()), "matcha"))
        .containsExactly("/notes/diary.md");

    unitOfWork.run(() -> knowledge.replace(agent.id(), alice, List.of()));
    assertThat(agentEntries(agent.id())).isZero();

    unitOfWork.run(() -> knowledge.replace(agent.id(), alice, List.of("/notes/tea.md")));
    assertThat(agentEntries(agent.id())).isEqualTo(1);
    unitOfWork.run(() -> agents.delete(alice, agent.slug()));
    assertThat(agentEntries(agent.id())).isZero();
    assertThat(rank(vector, alice, Optional.empty(), "matcha"))
        .hasSize(2); // the creator's own notes stay
  }
}
