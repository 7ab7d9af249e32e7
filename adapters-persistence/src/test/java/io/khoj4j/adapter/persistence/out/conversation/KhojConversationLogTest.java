package io.khoj4j.adapter.persistence.out.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Speaker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KhojConversationLogTest {

  private static final Instant FALLBACK = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void readsKhojsMessagesWithTheirTimesTurnsContextAndIntent() {
    List<ChatMessage> messages = KhojConversationLog.parse("""
        {"chat": [
          {"by": "you", "message": "Water?", "created": "2024-05-01 10:00:00", "turnId": "t-1", "intent": null},
          {"by": "khoj", "message": "At dawn.", "created": "2024-05-01T10:00:05+02:00", "turnId": "t-1",
           "context": [{"compiled": "Garden", "file": "/garden.md", "query": "water"}],
           "intent": {"type": "remember", "query": "Water?", "inferred-queries": ["water"], "memory-type": "notes"}}
        ]}""", "c1", FALLBACK);

    assertThat(messages).extracting(ChatMessage::by).containsExactly(Speaker.YOU, Speaker.KHOJ);
    assertThat(messages.get(0).created()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(messages.get(1).created()).isEqualTo(Instant.parse("2024-05-01T08:00:05Z"));
    assertThat(messages).extracting(ChatMessage::turnId).containsExactly("t-1", "t-1");
    assertThat(messages.get(1).context().getFirst().file()).isEqualTo("/garden.md");
    assertThat(messages.get(1).intent().inferredQueries()).containsExactly("water");
    assertThat(messages.get(1).intent().memoryType()).isEqualTo("notes");
    // Khoj's "intent": null on a question is no intent (it was read as one whose fields were all
    // null)
    assertThat(messages.get(0).intent()).isNull();
  }

  @Test
  void oldLogsWithoutTurnIdsGetOneTurnPerQuestionTheSameOnEveryRead() {
    String log = """
        {"chat": [{"by": "you", "message": "a"}, {"by": "khoj", "message": "b"},
                  {"by": "you", "message": "c", "created": "not a time"}, {"by": "khoj", "message": "d"}]}""";

    List<ChatMessage> first = KhojConversationLog.parse(log, "c2", FALLBACK);
    List<ChatMessage> again = KhojConversationLog.parse(log, "c2", FALLBACK);

    assertThat(first.get(0).turnId())
        .isEqualTo(first.get(1).turnId())
        .isNotEqualTo(first.get(2).turnId());
    assertThat(first.get(2).turnId()).isEqualTo(first.get(3).turnId());
    assertThat(again)
        .extracting(ChatMessage::turnId)
        .isEqualTo(first.stream().map(ChatMessage::turnId).toList());
    assertThat(first.get(2).created()).isEqualTo(FALLBACK);
  }

  @Test
  void anEmptyLogHasNoMessagesAndAnUnreadableOneSaysWhich() {
    assertThat(KhojConversationLog.parse("{}", "c3", FALLBACK)).isEmpty();
    assertThat(KhojConversationLog.parse(null, "c3", FALLBACK)).isEmpty();
    assertThatThrownBy(() -> KhojConversationLog.parse("{not json", "c4", FALLBACK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c4");
  }
}
