package io.khoj4j.application.port.out.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.AttachedFile;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.CodeRun;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.Intent;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.OnlineResult;
import io.khoj4j.domain.chat.Speaker;
import io.khoj4j.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ConversationRepository} must do. */
public abstract class ConversationRepositoryContract {

  protected abstract ConversationRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract UserId newOwner();

  private UserId alice;
  private UserId bob;
  private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

  @BeforeEach
  void owners() {
    alice = newOwner();
    bob = newOwner();
  }

  private Conversation conversation(UserId owner, Instant at) {
    Conversation c =
        new Conversation(UUID.randomUUID(), owner, null, null, "khoj", List.of(), at, at);
    unitOfWork().run(() -> repository().createIfAbsent(c));
    return c;
  }

  private static List<ChatMessage> turn(String q, String a, String turnId, Instant at) {
    ChatMessage user = ChatMessage.fromUser(
        q, at, turnId, List.of(), List.of(new AttachedFile("cups.csv", "a,b\n", "text/csv", 4)));
    List<OnlineResult> online = List.of(
        OnlineResult.search(
            "tea price",
            List.of(new OnlineResult.Hit("Tea", "https://t.example/1", "cheap")),
            Optional.of(
                new OnlineResult.AnswerBox("Price", "3 EUR", Optional.of("https://t.example/a"))),
            List.of(new OnlineResult.PageExtract(
                "tea price", "https://t.example/1", "green tea 3 EUR"))),
        OnlineResult.search("empty search", List.of(), Optional.empty(), List.of()),
        OnlineResult.pagesRead(
            "read https://t.example/2",
            List.of(new OnlineResult.PageExtract(
                "read https://t.example/2", "https://t.example/2", "steep"))));
    List<CodeRun> code = List.of(new CodeRun(
        "count",
        "print(1)",
        true,
        List.of(new CodeRun.OutputFile("c.png", "iVBO")),
        "1\n",
        "",
        Optional.of(Duration.ofMillis(42))));
    ChatMessage answer = new ChatMessage(
        Speaker.KHOJ,
        a,
        at,
        turnId,
        List.of(new NoteReference("tea", "Green tea", "/n/tea.md", "file:///n/tea.md")),
        online,
        code,
        List.of(new ChatMessage.Thought("status", "Searching")),
        new Intent("remember", q, "notes", List.of("tea")),
        List.of(),
        List.of(),
        null);
    return List.of(user, answer);
  }

  @Test
  void aConversationsAgentChangesOnlyForItsOwner() {
    Conversation c = conversation(alice, t0);

    unitOfWork().run(() -> repository().setAgentSlug(bob, c.id(), "bobs-agent-000001"));
    assertThat(repository().find(alice, c.id()).orElseThrow().agentSlug()).isEqualTo("khoj");
    unitOfWork().run(() -> repository().setAgentSlug(alice, c.id(), "calm-otter4821-000002"));
    assertThat(repository().find(alice, c.id()).orElseThrow().agentSlug())
        .isEqualTo("calm-otter4821-000002");
  }

  @Test
  void messagesRoundTripInOrderWithTheirDetails() {
    Conversation c = conversation(alice, t0);
    List<ChatMessage> first = turn("hello", "hi there", "t1", t0);
    List<ChatMessage> second = turn("tea?", "green", "t2", t0.plusSeconds(5));

    unitOfWork().run(() -> repository().appendMessages(alice, c.id(), first, "hello", t0));
    unitOfWork()
        .run(() -> repository().appendMessages(alice, c.id(), second, "tea?", t0.plusSeconds(5)));

    List<ChatMessage> stored = repository().messages(alice, c.id());
    assertThat(stored)
        .extracting(ChatMessage::message)
        .containsExactly("hello", "hi there", "tea?", "green");
    assertThat(stored.get(1)).isEqualTo(first.get(1));
    assertThat(repository().find(alice, c.id()).orElseThrow().slug()).isEqualTo("tea?");
    assertThat(repository().find(alice, c.id()).orElseThrow().updatedAt())
        .isEqualTo(t0.plusSeconds(5));
  }

  @Test
  void concurrentTurnsInOneConversationAllLand() throws Exception {
    Conversation c = conversation(alice, t0);
    int turns = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(turns);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int i = 0; i < turns; i++) {
        String n = Integer.toString(i);
        done.add(pool.submit(() -> {
          start.await();
          unitOfWork()
              .run(() -> repository()
                  .appendMessages(alice, c.id(), turn("q" + n, "a" + n, "t" + n, t0), "q" + n, t0));
          return null;
        }));
      }
      start.countDown();
      for (var f : done) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<ChatMessage> stored = repository().messages(alice, c.id());
    assertThat(stored).hasSize(2 * turns);
    for (int i = 0; i < stored.size(); i += 2) {
      // each turn's question is directly followed by its own answer
      assertThat(stored.get(i + 1).turnId()).isEqualTo(stored.get(i).turnId());
    }
  }

  @Test
  void theAppendLockCountsTheOwnersMessagesAndNobodyElseHasTheConversation() {
    Conversation c = conversation(alice, t0);
    unitOfWork()
        .run(() -> repository().appendMessages(alice, c.id(), turn("q", "a", "t1", t0), "q", t0));

    assertThat(unitOfWork().inTransaction(() -> repository().lockForAppend(alice, c.id())))
        .hasValue(2);
    assertThat(unitOfWork().inTransaction(() -> repository().lockForAppend(bob, c.id())))
        .isEmpty();
    assertThat(unitOfWork()
            .inTransaction(() -> repository().lockForAppend(alice, java.util.UUID.randomUUID())))
        .isEmpty();
  }

  @Test
  void anotherUsersConversationIsNotFoundAndCannotBeChanged() {
    Conversation c = conversation(alice, t0);
    unitOfWork()
        .run(() -> repository().appendMessages(alice, c.id(), turn("q", "a", "t1", t0), "q", t0));

    assertThat(repository().find(bob, c.id())).isEmpty();
    assertThat(repository().messages(bob, c.id())).isEmpty();
    assertThat(unitOfWork().inTransaction(() -> repository().deleteTurn(bob, c.id(), "t1")))
        .isZero();
    assertThat(unitOfWork().inTransaction(() -> repository().delete(bob, c.id())))
        .isFalse();
    unitOfWork().run(() -> repository().setTitle(bob, c.id(), "stolen"));
    unitOfWork().run(() -> repository().deleteAll(bob));

    assertThat(repository().find(alice, c.id()).orElseThrow().title()).isNull();
    assertThat(repository().messages(alice, c.id())).hasSize(2);
  }

  @Test
  void listingIsMostRecentFirstAndExportNewestCreatedFirst() {
    Conversation older = conversation(alice, t0);
    Conversation newer = conversation(alice, t0.plusSeconds(60));
    unitOfWork()
        .run(() -> repository()
            .appendMessages(alice, older.id(), turn("q", "a", "t", t0), "q", t0.plusSeconds(120)));

    assertThat(repository().list(alice, 0))
        .extracting(Conversation::id)
        .containsExactly(older.id(), newer.id());
    assertThat(repository().latest(alice)).map(Conversation::id).contains(older.id());
    assertThat(repository().page(alice, 0, 10))
        .extracting(Conversation::id)
        .containsExactly(newer.id(), older.id());
    assertThat(repository().page(alice, 1, 10))
        .extracting(Conversation::id)
        .containsExactly(older.id());
    assertThat(repository().count(alice)).isEqualTo(2);
    assertThat(repository().count(bob)).isZero();
  }

  @Test
  void titlesSlugsFiltersAndTurnDeletion() {
    Conversation c = conversation(alice, t0);
    unitOfWork().run(() -> {
      repository().appendMessages(alice, c.id(), turn("q1", "a1", "t1", t0), "q1", t0);
      repository().appendMessages(alice, c.id(), turn("q2", "a2", "t2", t0), "q2", t0);
      repository().setTitle(alice, c.id(), "My title");
      repository().setSlug(alice, c.id(), "generated");
      repository().setFileFilters(alice, c.id(), List.of("/a.md", "/b.md"));
    });

    assertThat(unitOfWork().inTransaction(() -> repository().deleteTurn(alice, c.id(), "t1")))
        .isEqualTo(2);
    Conversation stored = repository().find(alice, c.id()).orElseThrow();
    assertThat(stored.title()).isEqualTo("My title");
    assertThat(stored.slug()).isEqualTo("generated");
    assertThat(stored.fileFilters()).containsExactly("/a.md", "/b.md");
    assertThat(repository().findByTitle(alice, "My title")).isPresent();
    assertThat(repository().messages(alice, c.id()))
        .extracting(ChatMessage::turnId)
        .containsOnly("t2");
  }

  @Test
  void anInterruptedAnswerKeepsItsFindingsAndIsDeletedOnlyWhileEmptyAndOnlyByItsOwner() {
    Conversation c = conversation(alice, t0);
    ChatMessage question = ChatMessage.fromUser("q1", t0, "t1", List.of(), List.of());
    ChatMessage interrupted = new ChatMessage(
        Speaker.KHOJ,
        "",
        t0,
        "t1",
        List.of(new NoteReference("tea", "Green tea", "/n/tea.md", "file:///n/tea.md")),
        List.of(),
        List.of(),
        List.of(new ChatMessage.Thought("status", "Searching")),
        new Intent("remember", "q1", "notes", List.of("tea")),
        List.of(),
        List.of(),
        null,
        null,
        List.of("Found on the web: tea costs 3 EUR"));
    unitOfWork().run(() -> {
      repository().appendMessages(alice, c.id(), List.of(question, interrupted), "q1", t0);
      repository().appendMessages(alice, c.id(), turn("q2", "a2", "t2", t0), "q2", t0);
    });

    assertThat(repository().messages(alice, c.id()).get(1)).isEqualTo(interrupted);
    assertThat(unitOfWork()
            .inTransaction(() -> repository().deleteInterruptedAnswer(bob, c.id(), "t1")))
        .isFalse();
    assertThat(unitOfWork()
            .inTransaction(() -> repository().deleteInterruptedAnswer(alice, c.id(), "t2")))
        .as("an answer with text is no interrupted one")
        .isFalse();
    assertThat(unitOfWork()
            .inTransaction(() -> repository().deleteInterruptedAnswer(alice, c.id(), "t1")))
        .isTrue();
    assertThat(repository().messages(alice, c.id()))
        .extracting(ChatMessage::message)
        .containsExactly("q1", "q2", "a2");
    assertThat(unitOfWork()
            .inTransaction(() -> repository().deleteInterruptedAnswer(alice, c.id(), "t1")))
        .isFalse();
  }

  @Test
  void appendingToAConversationThatIsGoneStoresNothing() {
    Conversation c = conversation(alice, t0);
    unitOfWork().run(() -> repository().delete(alice, c.id()));

    assertThat(unitOfWork()
            .inTransaction(
                () -> repository().appendMessages(alice, c.id(), turn("q", "a", "t", t0), "q", t0)))
        .isFalse();
    Conversation bobs = conversation(bob, t0);
    assertThat(unitOfWork()
            .inTransaction(() ->
                repository().appendMessages(alice, bobs.id(), turn("q", "a", "t", t0), "q", t0)))
        .as("another owner's")
        .isFalse();
    assertThat(repository().messages(bob, bobs.id())).isEmpty();
    assertThat(repository().find(alice, c.id())).isEmpty();
  }

  @Test
  void deletingAConversationDeletesItsMessages() {
    Conversation c = conversation(alice, t0);
    unitOfWork()
        .run(() -> repository().appendMessages(alice, c.id(), turn("q", "a", "t", t0), "q", t0));

    assertThat(unitOfWork().inTransaction(() -> repository().delete(alice, c.id())))
        .isTrue();
    assertThat(repository().find(alice, c.id())).isEmpty();
    assertThat(repository().messages(alice, c.id())).isEmpty();
  }

  @Test
  void publicCopiesAreReadByAnyoneAndDeletedOnlyByTheirOwner() {
    var copy = new io.khoj4j.domain.chat.PublicConversation(
        "tea-talk-" + UUID.randomUUID(),
        alice,
        "Tea talk",
        "khoj",
        turn("q", "a", "t", t0),
        t0.truncatedTo(ChronoUnit.MILLIS));
    unitOfWork().run(() -> repository().savePublic(copy));

    assertThat(repository().findPublic(copy.slug())).contains(copy);
    assertThat(unitOfWork().inTransaction(() -> repository().deletePublic(bob, copy.slug())))
        .isFalse();
    assertThat(unitOfWork().inTransaction(() -> repository().deletePublic(alice, copy.slug())))
        .isTrue();
    assertThat(repository().findPublic(copy.slug())).isEmpty();
  }
}
