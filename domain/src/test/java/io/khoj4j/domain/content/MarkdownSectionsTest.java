package io.khoj4j.domain.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarkdownSectionsTest {

  private static String words(int n) {
    return IntStream.range(0, n).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
  }

  @Test
  void smallNoteIsOneSectionWithKhojsCompiledForm() {
    List<Section> sections =
        new MarkdownSections(256).of("/notes/a.md", "# Title\nSome body text.\n");

    assertThat(sections).singleElement().satisfies(s -> {
      assertThat(s.raw()).isEqualTo("# Title\nSome body text.");
      assertThat(s.compiled()).isEqualTo("# /notes/a.md\n## Title\nSome body text.");
      assertThat(s.heading()).isEqualTo("# /notes/a.md\n## Title");
      assertThat(s.uri()).isEqualTo("file:///notes/a.md#line=1");
    });
  }

  @Test
  void noteWithoutHeadingsIsCompiledUnderTheFileName() {
    Section s = new MarkdownSections(256).of("a.md", "just text").getFirst();

    assertThat(s.compiled()).isEqualTo("# a.md\njust text");
    assertThat(s.heading()).isEqualTo("# a.md\n");
  }

  @Test
  void largeNoteIsSplitAtTheShallowestHeadingAndKeepsAncestry() {
    String md = "# Top\nintro\n## One\n" + words(200) + "\n## Two\n" + words(200) + "\n";

    List<Section> sections = new MarkdownSections(256).of("n.md", md);

    assertThat(sections).hasSize(3);
    assertThat(sections.getFirst().raw()).isEqualTo("# Top\nintro");
    assertThat(sections)
        .extracting(Section::raw)
        .anySatisfy(r -> assertThat(r).startsWith("# Top\n## One\nw0"))
        .anySatisfy(r -> assertThat(r).startsWith("# Top\n## Two\nw0"));
    assertThat(sections)
        .extracting(Section::uri)
        .containsExactly("file://n.md#line=1", "file://n.md#line=3", "file://n.md#line=5");
  }

  @Test
  void aHeadingKeepsAHashThatEndsItsTitleButNotAClosingSequence() {
    String md = "# Learning C#\n" + words(200) + "\n## Closed ##\n" + words(200) + "\n";

    List<Section> sections = new MarkdownSections(256).of("n.md", md);

    assertThat(sections)
        .extracting(Section::raw)
        .anySatisfy(r -> assertThat(r).startsWith("# Learning C#\nw0"))
        .anySatisfy(r -> assertThat(r).startsWith("# Learning C#\n## Closed\nw0"));
  }

  @Test
  void smallChildrenStayTogether() {
    String md = "# A\n" + words(300) + "\n# B\n## B1\nshort\n## B2\nshort too\n";

    List<Section> sections = new MarkdownSections(256).of("n.md", md);

    assertThat(sections)
        .extracting(Section::raw)
        .anySatisfy(r -> assertThat(r).isEqualTo("# B\n## B1\nshort\n## B2\nshort too"));
  }

  @Test
  void textBeforeTheFirstHeadingIsItsOwnSection() {
    String md = "preface words\n# A\n" + words(300) + "\n";

    List<Section> sections = new MarkdownSections(256).of("n.md", md);

    assertThat(sections.getFirst().raw()).isEqualTo("preface words");
    assertThat(sections.get(1).raw()).startsWith("# A\nw0");
  }
}
