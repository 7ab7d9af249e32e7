package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.out.chat.TokenCounter;
import io.khoj4j.domain.chat.PromptMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Trims conversation history to a prompt budget: the most recent messages that fit, in their order. (Khoj kept the
 * earliest messages of a long window first; the latest ones matter more to the next answer.)
 */
public final class PromptBudget {

  private PromptBudget() {}

  public static List<PromptMessage> mostRecentWithin(List<PromptMessage> history, int budget, TokenCounter tokens) {
    Deque<PromptMessage> kept = new ArrayDeque<>();
    int left = budget;
    for (int i = history.size() - 1; i >= 0; i--) {
      int cost = tokens.count(history.get(i));
      if (cost > left) {
        break;
      }
      left -= cost;
      kept.addFirst(history.get(i));
    }
    return List.copyOf(kept);
  }
}
