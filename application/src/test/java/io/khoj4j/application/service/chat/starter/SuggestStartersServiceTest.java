package io.khoj4j.application.service.chat.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.in.chat.SuggestStartersQuery;
import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.application.port.out.conversation.InMemoryConversationRepository;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SuggestStartersServiceTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final InMemoryEntryRepository entries = new InMemoryEntryRepository();
  private final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
  private final SuggestStartersService service = new SuggestStartersService(entries, conversations);
  private final UserId alice = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());

  private void note(UserId owner, String name, ContentType type, String text, int minute) {
    entries.saveFile(new IndexedFile(
        UUID.randomUUID(),
        owner,
        name,
        type,
        ContentSource.COMPUTER,
        text,
        text.length(),
        text.length(),
        T0.plusSeconds(60L * minute)));
  }

  private void asked(UserId owner, String... questions) {
    UUID id = UUID.randomUUID();
    conversations.createIfAbsent(new Conversation(id, owner, null, null, null, List.of(), T0, T0));
    int i = 0;
    for (String q : questions) {
      conversations.appendMessages(
          owner,
          id,
          List.of(ChatMessage.fromUser(q, T0.plusSeconds(i++), "t" + i, List.of(), List.of())),
          q,
          T0.plusSeconds(i));
    }
  }

  private List<String> starters(UserId user) {
    return service.suggest(new SuggestStartersQuery(user));
  }

  @Test
  void aUserWithNothingGetsNone() {
    note(bob, "bob.md", ContentType.MARKDOWN, "# Kites\n", 1);
    asked(bob, "how do kites fly?");

    assertThat(starters(alice)).isEmpty();
  }

  @Test
  void notesAndRecentQuestionsAlternateNewestFirst() {
    note(
        alice,
        "/notes/garden.md",
        ContentType.MARKDOWN,
        "Intro line\n## Tomato plans ##\nmore\n",
        1);
    note(alice, "/notes/travel.org", ContentType.ORG, "* TODO Lisbon trip :travel:\nbody\n", 2);
    asked(alice, "what did I plant last spring?", "/online weather in Lisbon", "when do I fly?");
    note(bob, "bob.md", ContentType.MARKDOWN, "# Bob's secret\n", 3);
    asked(bob, "bob's question?");

    assertThat(starters(alice))
        .containsExactly(
            "What do my notes say about Lisbon trip?",
            "when do I fly?",
            "What do my notes say about Tomato plans?");
  }

  @Test
  void aFileWithoutHeadingIsKnownByItsName() {
    note(alice, "C:\\docs\\tax_return_2025.txt", ContentType.PLAINTEXT, "numbers only", 1);

    assertThat(starters(alice)).containsExactly("What do my notes say about tax return 2025?");
  }

  @Test
  void repeatedQuestionsAreOfferedOnce() {
    asked(alice, "same question?", "Same question?", "other?");

    assertThat(starters(alice)).containsExactly("other?", "Same question?");
  }
}
