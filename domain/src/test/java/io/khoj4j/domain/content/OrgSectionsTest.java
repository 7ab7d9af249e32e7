package io.khoj4j.domain.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrgSectionsTest {

  private static String words(int n) {
    return IntStream.range(0, n).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
  }

  @Test
  void headlineMetadataGoesIntoTheCompiledText() {
    String org = """
        #+TITLE: My Tasks
        * TODO [#A] Write report :work:urgent:
          SCHEDULED: <2024-03-05 Tue> DEADLINE: <2024-03-08 Fri>
          :PROPERTIES:
          :ID: abc
          :END:
          Draft the quarterly numbers.
        """;

    Section s = new OrgSections(256).of("/org/tasks.org", org).getFirst();

    assertThat(s.compiled())
        .startsWith("* My Tasks\n** TODO Write report.\t work urgent.")
        .contains("\n Scheduled for 2024-03-05.")
        .contains("\n Deadline on 2024-03-08.")
        .endsWith("\n Draft the quarterly numbers.")
        .doesNotContain(":PROPERTIES:");
    assertThat(s.heading()).isEqualTo("* My Tasks\n** TODO Write report.");
    assertThat(s.uri()).isEqualTo("file:///org/tasks.org#line=2");
    assertThat(s.raw()).contains("* TODO [#A] Write report :work:urgent:");
  }

  @org.junit.jupiter.api.Tag("faults")
  @Test
  void aHeadingOnlyNoteIsIndexedByItsHeadingsAsAMarkdownOneIs() {
    List<Section> sections =
        new OrgSections(256).of("t.org", "* Empty heading\n* TODO Also empty\n");

    assertThat(sections).isNotEmpty();
    assertThat(sections)
        .map(Section::compiled)
        .anySatisfy(c -> assertThat(c).contains("Empty heading"));
    assertThat(sections)
        .map(Section::compiled)
        .anySatisfy(c -> assertThat(c).contains("TODO Also empty"));
  }

  @Test
  void aHeadingThatOnlyGroupsOthersIsNotAnEntryOfItsOwn() {
    List<Section> sections =
        new OrgSections(256).of("t.org", "* Projects\n** Garden\nplant tulips\n");

    assertThat(sections).singleElement().satisfies(section -> {
      assertThat(section.compiled()).contains("Garden", "plant tulips");
      // it is named among the entry's ancestors, so a search for it still finds the entry
      assertThat(section.heading()).startsWith("* t.org / Projects\n");
      assertThat(section.compiled()).startsWith("* t.org / Projects\n");
    });
    // deeper groups too, each in turn
    Section deep = new OrgSections(256)
        .of("t.org", "* Projects\n** Home\n*** Garden\nplant tulips\n")
        .getFirst();
    assertThat(deep.heading()).startsWith("* t.org / Projects / Home\n");
  }

  @Test
  void largeTreesAreCutWithTheirAncestors() {
    String org =
        "* Parent\nparent body\n** Child A\n" + words(200) + "\n** Child B\n" + words(200) + "\n";

    List<Section> sections = new OrgSections(256).of("t.org", org);

    assertThat(sections).hasSize(3);
    assertThat(sections.get(1).heading()).isEqualTo("* t.org / Parent\n** Child A.");
    assertThat(sections.get(2).compiled()).startsWith("* t.org / Parent\n** Child B.\n w0");
  }

  @Test
  void deepHeadingsAreRebased() {
    Section s = new OrgSections(256).of("test.org", "*** Heading\nbody\n").getFirst();

    assertThat(s.compiled()).startsWith("* test.org\n** Heading.");
  }

  @Test
  void closedDatesAndCustomKeywords() {
    String org =
        "#+SEQ_TODO: NEXT | DONE\n* NEXT Call mum\n  CLOSED: [2024-01-02 Tue 10:00]\n  about the trip\n";

    Section s = new OrgSections(256).of("t.org", org).getFirst();

    assertThat(s.compiled()).contains("** NEXT Call mum.").contains("\n Closed on 2024-01-02.");
  }
}
