package io.khoj4j.application.service.chat.prompt;

import io.khoj4j.application.port.out.chat.TokenCounter;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.PromptMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Fits a prompt to a model's size, counting with a real tokenizer. The system prompt and the question always stay;
 * what gives way, in order: the conversation history, oldest first; then the notes, weakest first; and when the
 * strongest note alone is too long, its end. (Khoj kept the earliest messages of a long window first; the latest ones
 * matter more to the next answer.) A question that alone exceeds the size is sent as it is, for the model to refuse.
 */
public final class PromptBudget {

  /** Tokens kept free for the answer, at most: a small model keeps a quarter of its size instead. */
  static final int ANSWER_RESERVE = 2_000;
  /** Ends a note that was cut to fit. */
  public static final String CUT_MARK = " […]";

  private PromptBudget() {}

  /** What may go into a prompt for a model that takes {@code maxPromptTokens}: its size less room for the answer. */
  public static int promptLimit(int maxPromptTokens) {
    return maxPromptTokens - Math.min(ANSWER_RESERVE, maxPromptTokens / 4);
  }

  /** The history and notes that fit; notes keep their order, the last one possibly cut. */
  public record Fitted(List<PromptMessage> history, List<NoteReference> notes) {
    public Fitted {
      history = List.copyOf(history);
      notes = List.copyOf(notes);
    }
  }

  /**
   * Fits history and notes beside the fixed part of a prompt.
   *
   * @param limit tokens the whole prompt may take
   * @param fixedTokens tokens of what always stays (system prompt, question)
   * @param history the conversation so far, oldest first
   * @param notes notes found for the question, in search order: each query's hits best first, queries in turn
   * @param notesMessage renders notes into the one prompt message that carries them
   */
  public static Fitted fit(
      int limit,
      int fixedTokens,
      List<PromptMessage> history,
      List<NoteReference> notes,
      Function<List<NoteReference>, PromptMessage> notesMessage,
      TokenCounter tokens) {
    int room = limit - fixedTokens;
    int notesCost = notes.isEmpty() ? 0 : tokens.count(notesMessage.apply(notes));
    if (notes.isEmpty() || notesCost <= room) {
      return new Fitted(mostRecentWithin(history, room - notesCost, tokens), notes);
    }
    return new Fitted(List.of(), strongestWithin(notes, room, notesMessage, tokens));
  }

  /** The most recent messages that fit {@code budget}, in their order. */
  public static List<PromptMessage> mostRecentWithin(
      List<PromptMessage> history, int budget, TokenCounter tokens) {
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

  /**
   * Notes, strongest first: each query's best hit, then each query's second, and so on, so that one query's long tail
   * never pushes out another query's best note.
   */
  static List<Integer> byStrength(List<NoteReference> notes) {
    Map<String, Integer> seen = new HashMap<>();
    int[] rank = new int[notes.size()];
    for (int i = 0; i < notes.size(); i++) {
      rank[i] = seen.merge(String.valueOf(notes.get(i).query()), 1, Integer::sum);
    }
    return IntStream.range(0, notes.size())
        .boxed()
        .sorted(Comparator.<Integer>comparingInt(i -> rank[i]).thenComparingInt(i -> i))
        .toList();
  }

  /** Drops the weakest notes until the rest fit {@code room}; cuts the strongest when it alone does not. */
  private static List<NoteReference> strongestWithin(
      List<NoteReference> notes,
      int room,
      Function<List<NoteReference>, PromptMessage> notesMessage,
      TokenCounter tokens) {
    List<Integer> strength = byStrength(notes);
    // Estimate with each note's own cost, then make sure with the rendered message.
    int left = room - tokens.count(notesMessage.apply(List.of()));
    int keep = 0;
    while (keep < strength.size()) {
      NoteReference n = notes.get(strength.get(keep));
      left -= tokens.count(n.file()) + tokens.count(n.compiled()) + 4;
      if (left < 0) {
        break;
      }
      keep++;
    }
    keep = Math.max(keep, 1);
    while (keep > 1 && tokens.count(notesMessage.apply(inOrder(notes, strength, keep))) > room) {
      keep--;
    }
    while (keep < strength.size()
        && tokens.count(notesMessage.apply(inOrder(notes, strength, keep + 1))) <= room) {
      keep++;
    }
    List<NoteReference> kept = inOrder(notes, strength, keep);
    if (keep > 1 || tokens.count(notesMessage.apply(kept)) <= room) {
      return kept;
    }
    return cut(kept.getFirst(), room, notesMessage, tokens).map(List::of).orElse(List.of());
  }

  private static List<NoteReference> inOrder(
      List<NoteReference> notes, List<Integer> strength, int keep) {
    List<Integer> chosen = new ArrayList<>(strength.subList(0, keep));
    chosen.sort(Comparator.naturalOrder());
    return chosen.stream().map(notes::get).toList();
  }

  /** The note's beginning that fits {@code room} with its framing, or empty when not even the framing fits. */
  private static Optional<NoteReference> cut(
      NoteReference note,
      int room,
      Function<List<NoteReference>, PromptMessage> notesMessage,
      TokenCounter tokens) {
    String text = note.compiled().strip();
    int length = text.length();
    while (length > 0) {
      NoteReference shorter =
          new NoteReference(note.query(), prefix(text, length) + CUT_MARK, note.file(), note.uri());
      int cost = tokens.count(notesMessage.apply(List.of(shorter)));
      if (cost <= room) {
        return Optional.of(shorter);
      }
      // Shrink in proportion to the excess (tokens are roughly even over a text), at least by a
      // tenth.
      long proportional = (long) length * room / cost;
      length = (int) Math.min(proportional, length - Math.max(1, length / 10));
    }
    return Optional.empty();
  }

  /** The first {@code length} characters, never splitting a surrogate pair. */
  private static String prefix(String text, int length) {
    int end = Math.min(length, text.length());
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
