package io.khoj4j.application.service.chat.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.chat.TokenCounter;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.PromptMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBudgetTest {

  /** One token a word, four a message: easy to reason about; the real tokenizer is tested in adapters-llm. */
  private static final TokenCounter WORDS = new TokenCounter() {
    @Override
    public int count(String text) {
      return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    @Override
    public int count(PromptMessage message) {
      return count(message.text()) + 4;
    }
  };

  private static String words(String word, int n) {
    return (word + " ").repeat(n).strip();
  }

  private static NoteReference note(String query, String file, int words) {
    return new NoteReference(
        query, words(file.replace("/", ""), words), "/" + file, "file:///" + file);
  }

  private static List<PromptMessage> history(int turns, int wordsEach) {
    List<PromptMessage> out = new ArrayList<>();
    for (int i = 0; i < turns; i++) {
      out.add(new PromptMessage.User("q" + i + " " + words("x", wordsEach - 1)));
      out.add(new PromptMessage.Assistant("a" + i + " " + words("y", wordsEach - 1)));
    }
    return out;
  }

  private static int notesCost(List<NoteReference> notes) {
    return notes.isEmpty() ? 0 : WORDS.count(PromptBuilder.notesMessage(notes));
  }

  private static int size(PromptBudget.Fitted fitted) {
    return fitted.history().stream().mapToInt(WORDS::count).sum() + notesCost(fitted.notes());
  }

  private static PromptBudget.Fitted fit(
      int room, List<PromptMessage> history, List<NoteReference> notes) {
    return PromptBudget.fit(room + 100, 100, history, notes, PromptBuilder::notesMessage, WORDS);
  }

  @Test
  void whatFitsIsKeptWhole() {
    List<PromptMessage> history = history(3, 10);
    List<NoteReference> notes = List.of(note("q", "a", 50), note("q", "b", 50));

    PromptBudget.Fitted fitted = fit(10_000, history, notes);

    assertThat(fitted.history()).isEqualTo(history);
    assertThat(fitted.notes()).isEqualTo(notes);
  }

  @Test
  void historyGoesFirstOldestFirstWhileEveryNoteStays() {
    List<PromptMessage> history = history(5, 20);
    List<NoteReference> notes = List.of(note("q", "a", 300), note("q", "b", 300));
    int room = notesCost(notes) + 2 * 24 + 10;

    PromptBudget.Fitted fitted = fit(room, history, notes);

    assertThat(fitted.notes()).isEqualTo(notes);
    assertThat(fitted.history()).isEqualTo(history.subList(history.size() - 2, history.size()));
    assertThat(size(fitted)).isLessThanOrEqualTo(room);
  }

  @Test
  void whenNotesAloneOverflowAllHistoryGoesThenTheWeakestNotes() {
    List<NoteReference> notes = List.of(
        note("tea", "n1", 400),
        note("tea", "n2", 400),
        note("tea", "n3", 400),
        note("tea", "n4", 400));
    int room = notesCost(notes.subList(0, 2)) + 50;

    PromptBudget.Fitted fitted = fit(room, history(2, 10), notes);

    assertThat(fitted.history()).isEmpty();
    assertThat(fitted.notes()).isEqualTo(notes.subList(0, 2));
    assertThat(size(fitted)).isLessThanOrEqualTo(room);
  }

  @Test
  void eachQuerysBestNoteOutranksAnotherQuerysTail() {
    NoteReference tea1 = note("tea", "t1", 300);
    NoteReference tea2 = note("tea", "t2", 300);
    NoteReference tea3 = note("tea", "t3", 300);
    NoteReference car1 = note("car", "c1", 300);
    List<NoteReference> notes = List.of(tea1, tea2, tea3, car1);

    PromptBudget.Fitted fitted = fit(notesCost(List.of(tea1, car1)) + 20, List.of(), notes);

    assertThat(fitted.notes()).containsExactly(tea1, car1);
    assertThat(PromptBudget.byStrength(notes)).containsExactly(0, 3, 1, 2);
  }

  @Test
  void aSingleNoteTooLongForTheModelIsCutToFit() {
    NoteReference huge = note("tea", "big", 5_000);
    NoteReference other = note("tea", "small", 10);
    int room = 1_000;

    PromptBudget.Fitted fitted = fit(room, history(2, 10), List.of(huge, other));

    assertThat(fitted.history()).isEmpty();
    assertThat(fitted.notes()).hasSize(1);
    NoteReference cut = fitted.notes().getFirst();
    assertThat(cut.file()).isEqualTo(huge.file());
    assertThat(cut.compiled()).endsWith(PromptBudget.CUT_MARK);
    assertThat(huge.compiled())
        .startsWith(
            cut.compiled().substring(0, cut.compiled().length() - PromptBudget.CUT_MARK.length()));
    assertThat(size(fitted)).isLessThanOrEqualTo(room).isGreaterThan(room * 8 / 10);
  }

  @Test
  void noNoteWhenNotEvenTheNotesFramingFits() {
    PromptBudget.Fitted fitted = fit(20, history(1, 10), List.of(note("tea", "a", 500)));

    assertThat(fitted.notes()).isEmpty();
    assertThat(fitted.history()).isEmpty();
  }

  @Test
  void aQuestionThatAloneOverflowsIsSentWithoutHistoryOrNotes() {
    assertThat(fit(-50, history(2, 10), List.of()))
        .isEqualTo(new PromptBudget.Fitted(List.of(), List.of()));
    assertThat(fit(-50, history(2, 10), List.of(note("tea", "a", 10))))
        .isEqualTo(new PromptBudget.Fitted(List.of(), List.of()));
  }

  @Test
  void theAnswerKeepsItsRoomButNeverMostOfASmallModel() {
    assertThat(PromptBudget.promptLimit(128_000)).isEqualTo(126_000);
    assertThat(PromptBudget.promptLimit(8_000)).isEqualTo(6_000);
    assertThat(PromptBudget.promptLimit(4_096)).isEqualTo(3_072);
    assertThat(PromptBudget.promptLimit(256)).isEqualTo(192);
  }
}
