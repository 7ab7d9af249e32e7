package io.khoj4j.application.service.chat.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Speaker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

  private static final Instant AT = Instant.parse("2026-01-02T10:00:00Z");

  private static ChatMessage answer(String text, String turnId) {
    return new ChatMessage(
        Speaker.KHOJ,
        text,
        AT,
        turnId,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of(),
        List.of(),
        null);
  }

  @Test
  void theHistoryForToolsLeavesOutAnInterruptedTurnsEmptyAnswer() {
    List<ChatMessage> history = List.of(
        ChatMessage.fromUser("What is sencha?", AT, "t1", List.of(), List.of()),
        answer("", "t1"),
        ChatMessage.fromUser("And matcha?", AT, "t2", List.of(), List.of()),
        answer("A powdered green tea.", "t2"));

    assertThat(PromptBuilder.formatHistory(history, 6))
        .isEqualTo("User: What is sencha?\nUser: And matcha?\nAssistant: A powdered green tea.");
    assertThat(PromptBuilder.formatHistory(history.subList(0, 2), 6))
        .isEqualTo("User: What is sencha?");
  }
}
