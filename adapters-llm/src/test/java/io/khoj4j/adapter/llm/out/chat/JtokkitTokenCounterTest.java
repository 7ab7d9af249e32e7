package io.khoj4j.adapter.llm.out.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.service.chat.prompt.PromptBudget;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.chat.PromptMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JtokkitTokenCounterTest {

  private final JtokkitTokenCounter tokens = new JtokkitTokenCounter();

  @Test
  void countsMatchOpenAisO200kTokenizer() {
    // Reference counts of tiktoken's o200k_base (cl100k_base counts some of these differently).
    assertThat(tokens.count("Hello world!")).isEqualTo(3);
    assertThat(tokens.count("This is a sentence without spaces.")).isEqualTo(7);
    assertThat(tokens.count("How about numbers? 123 45.6 -78.9")).isEqualTo(14);
    assertThat(tokens.count("こんにちは世界")).isEqualTo(2);
    assertThat(tokens.count("I love 🍕")).isEqualTo(4);
    assertThat(tokens.count("Unicode snowman: ☃️")).isEqualTo(7);
    assertThat(tokens.count(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Fusce condimentum enim ac "
                + "tellus malesuada, a consectetur nibh efficitur. 🚀🚀🚀"))
        .isEqualTo(31);
  }

  @Test
  void nothingCostsNothing() {
    assertThat(tokens.count((String) null)).isZero();
    assertThat(tokens.count("")).isZero();
  }

  @Test
  void specialTokenTextIsCountedAsPlainText() {
    assertThat(tokens.count("<|endoftext|>")).isGreaterThan(1);
  }

  @Test
  void messagesAddTheirFramingAndImagesAFlatRate() {
    int text = tokens.count("Hello world!");

    assertThat(tokens.count(new PromptMessage.System("Hello world!"))).isEqualTo(text + 4);
    assertThat(tokens.count(new PromptMessage.Assistant("Hello world!"))).isEqualTo(text + 4);
    assertThat(tokens.count(new PromptMessage.User(
            "Hello world!", List.of("data:image/png;base64,AAAA", "https://example.org/cat.png"))))
        .isEqualTo(text + 4 + 2 * 500);
    assertThat(tokens.count(new PromptMessage.User(""))).isEqualTo(4);
  }

  private static final Function<List<NoteReference>, PromptMessage> NOTES = notes -> {
    StringBuilder text = new StringBuilder("Notes:\n\n");
    notes.forEach(n ->
        text.append("File: ").append(n.file()).append('\n').append(n.compiled()).append("\n\n"));
    return new PromptMessage.User(text.toString());
  };

  private int size(PromptBudget.Fitted fitted) {
    int notes = fitted.notes().isEmpty() ? 0 : tokens.count(NOTES.apply(fitted.notes()));
    return notes + fitted.history().stream().mapToInt(tokens::count).sum();
  }

  @Test
  void aPromptFittedWithTheRealTokenizerFitsTheModel() {
    List<NoteReference> notes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String body = ("Note " + i + ": green tea, 緑茶, thé vert — brewed at 80°C for " + i
              + " minutes. ")
          .repeat(5 + i);
      notes.add(new NoteReference(
          i % 2 == 0 ? "tea" : "brewing", body, "/notes/n" + i + ".md", "file:///n" + i));
    }
    List<PromptMessage> history = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      history.add(new PromptMessage.User("Question " + i + " about tea?"));
      history.add(new PromptMessage.Assistant("Answer " + i + ": drink it warm. ".repeat(20)));
    }

    PromptBudget.Fitted fitted = PromptBudget.fit(4_000, 500, history, notes, NOTES, tokens);

    assertThat(fitted.history()).isEmpty();
    assertThat(fitted.notes())
        .isNotEmpty()
        .hasSizeLessThan(notes.size())
        .contains(notes.get(0), notes.get(1));
    assertThat(size(fitted)).isLessThanOrEqualTo(3_500);
  }

  @Test
  void aNoteCutWithTheRealTokenizerFillsButNeverOverflowsItsRoom() {
    NoteReference huge = new NoteReference(
        "tea",
        "Ein langer Absatz über Tee und Teekannen. ".repeat(4_000),
        "/notes/tee.md",
        "file:///tee");

    PromptBudget.Fitted fitted =
        PromptBudget.fit(2_000, 200, List.of(), List.of(huge), NOTES, tokens);

    assertThat(fitted.notes()).hasSize(1);
    assertThat(size(fitted)).isLessThanOrEqualTo(1_800).isGreaterThan(1_500);
  }
}
