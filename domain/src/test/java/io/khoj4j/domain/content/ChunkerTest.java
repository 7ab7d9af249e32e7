package io.khoj4j.domain.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  private static String words(int n, String prefix) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
  }

  @Test
  void smallSectionIsOneChunkWithTheMd5OfItsCompiledText() {
    Section section =
        new Section("raw", "# notes.md\nhello world", "# notes.md\n", "notes.md", null);

    List<Chunk> chunks = new Chunker().chunk(List.of(section), false);

    assertThat(chunks).hasSize(1);
    assertThat(chunks.getFirst().compiled()).isEqualTo("# notes.md\nhello world");
    assertThat(chunks.getFirst().hash()).isEqualTo(ContentHash.of("# notes.md\nhello world"));
    assertThat(chunks.getFirst().raw()).isEqualTo("raw");
    assertThat(chunks.getFirst().uri()).isEqualTo("file://notes.md");
  }

  @Test
  void md5MatchesAKnownValue() {
    assertThat(ContentHash.of("hello").hex()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
  }

  @Test
  void longSectionIsSplitAtParagraphsIntoChunksOfAtMostTheLimit() {
    String text = words(200, "a") + "\n\n" + words(200, "b") + "\n\n" + words(100, "c");
    Section section = new Section(text, text, "# Heading", "f.md", "file://f.md#line=1");

    List<Chunk> chunks = new Chunker(256).chunk(List.of(section), false);

    assertThat(chunks).hasSize(3);
    assertThat(chunks)
        .allSatisfy(c -> assertThat(Chunker.words(c.compiled())).isLessThanOrEqualTo(256 + 2));
    assertThat(chunks.get(0).compiled()).startsWith("a0 ").endsWith("a199");
    assertThat(chunks.get(1).compiled()).startsWith("# Heading\nb0 ").endsWith("b199");
    assertThat(chunks.get(2).compiled()).startsWith("# Heading\nc0 ").endsWith("c99");
    assertThat(chunks).extracting(Chunk::sectionIndex).containsOnly(0);
  }

  @Test
  void aRunWithoutSeparatorsIsCutByWords() {
    String text = words(600, "w");
    List<Chunk> chunks =
        new Chunker(256).chunk(List.of(new Section(text, text, "", "f.txt", null)), true);

    assertThat(chunks)
        .extracting(c -> Chunker.words(c.compiled()))
        .containsExactly(256, 256 + 0, 88);
    assertThat(chunks.get(1).raw()).isEqualTo(chunks.get(1).compiled().strip());
  }

  @Test
  void wordsLongerThan500CharactersAreDropped() {
    String text = "short " + "x".repeat(501) + " tail";
    List<Chunk> chunks =
        new Chunker().chunk(List.of(new Section(text, text, "", "f.txt", null)), false);

    assertThat(chunks.getFirst().compiled()).isEqualTo("short  tail");
  }

  @Test
  void wordsJoinedByNoBreakOrIdeographicSpacesAreWordsOfTheirOwn() {
    // text from HTML joins its words with no-break spaces: a 600-character line of them was one
    // "word" and dropped
    String nbsp = String.join("\u00A0", java.util.Collections.nCopies(120, "word"));
    String ideographic = String.join("\u3000", java.util.Collections.nCopies(200, "語語"));
    List<Chunk> chunks = new Chunker()
        .chunk(
            List.of(
                new Section(nbsp, nbsp, "", "f.txt", null),
                new Section(ideographic, ideographic, "", "g.txt", null)),
            false);

    String kept = String.join(" ", chunks.stream().map(Chunk::compiled).toList());
    assertThat(kept.split("word", -1)).hasSize(121); // all 120 kept (they were one word, dropped)
    assertThat(kept.split("語語", -1)).hasSize(201);
  }

  @Test
  void nulCharactersAndBlankSectionsDisappear() {
    List<Chunk> chunks = new Chunker()
        .chunk(
            List.of(
                new Section("a\u0000b", "a\u0000b", "", "f", null),
                new Section(" ", "   ", "", "f", null)),
            false);

    assertThat(chunks).singleElement().satisfies(c -> assertThat(c.compiled()).isEqualTo("ab"));
  }

  @Test
  void laterChunksPointAtTheirOwnLine() {
    String raw = words(250, "a") + "\n\n" + words(250, "b");
    Section section = new Section(raw, raw, "", "f.md", "file://f.md#line=10");

    List<Chunk> chunks = new Chunker(256).chunk(List.of(section), false);

    assertThat(chunks)
        .extracting(Chunk::uri)
        .containsExactly("file://f.md#line=10", "file://f.md#line=12");
  }

  @Test
  void sectionsKeepTheirIndex() {
    List<Chunk> chunks = new Chunker()
        .chunk(
            List.of(new Section("a", "a", "", "f", null), new Section("b", "b", "", "f", null)),
            false);

    assertThat(chunks).extracting(Chunk::sectionIndex).containsExactly(0, 1);
  }
}
