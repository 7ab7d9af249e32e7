package io.khoj4j.adapter.connector.out.diagram;

import io.khoj4j.adapter.connector.out.diagram.MermaidDiagramValidator.Line;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Class, state and entity-relationship diagrams: statements between balanced braces, relations with both ends. */
final class StructureCheckers {

  private static final Pattern CLASS_RELATION =
      Pattern.compile("\\S+(\\s+\"[^\"]*\")?\\s*(?:<\\|?|\\*|o)?(?:--|\\.\\.)(?:\\|?>|\\*|o)?"
          + "\\s*(\"[^\"]*\"\\s+)?[^\\s:]+(\\s*:.*)?");
  private static final Set<String> CLASS_WORDS = Set.of(
      "class",
      "direction",
      "classDef",
      "cssClass",
      "style",
      "click",
      "link",
      "callback",
      "note",
      "namespace",
      "title",
      "accTitle:",
      "accDescr:");
  private static final Pattern STATE_TRANSITION =
      Pattern.compile("\\S+\\s*-->\\s*[^\\s:]+(\\s*:.*)?");
  private static final Set<String> STATE_WORDS = Set.of(
      "state",
      "direction",
      "classDef",
      "class",
      "note",
      "end",
      "--",
      "title",
      "accTitle:",
      "accDescr:",
      "style");
  private static final Pattern ER_RELATION = Pattern.compile(
      "[\\w\"-]+\\s*(\\|o|\\|\\||\\}o|\\}\\|)(--|\\.\\.)(o\\||\\|\\||o\\{|\\|\\{)\\s*[\\w\"-]+\\s*:\\s*\\S.*");
  private static final Pattern ER_ATTRIBUTE = Pattern.compile(
      "[\\w(),\\[\\]-]+\\s+[\\w*-]+(\\s+(PK|FK|UK)(\\s*,\\s*(PK|FK|UK))*)?(\\s+\"[^\"]*\")?");
  private static final Pattern NAME = Pattern.compile("[\\w\"\\[\\]-]+|\\[\\*\\]");

  private StructureCheckers() {}

  static Optional<String> classDiagram(List<Line> body) {
    int depth = 0;
    for (Line line : body) {
      String s = line.text().strip();
      String first = s.split("\\s+")[0];
      if (s.equals("}")) {
        if (--depth < 0) {
          return Optional.of(line.fail("`}` closes nothing"));
        }
      } else if (depth > 0 && !first.equals("class") && !first.equals("namespace")) {
        continue;
      } else if (s.endsWith("{")) {
        depth++;
      } else if (!CLASS_WORDS.contains(first)
          && !s.startsWith("<<")
          && !s.matches("[^\\s:]+\\s*:.*")
          && !CLASS_RELATION.matcher(s).matches()) {
        return Optional.of(
            line.fail("expected a class, a member `A : +name()` or a relation such as `A <|-- B`"));
      }
    }
    return depth == 0 ? Optional.empty() : Optional.of("a `{` is not closed with `}`");
  }

  static Optional<String> stateDiagram(List<Line> body) {
    int depth = 0;
    boolean inNote = false;
    for (Line line : body) {
      String s = line.text().strip();
      String first = s.split("\\s+")[0];
      if (inNote) {
        inNote = !s.equals("end note");
      } else if (s.equals("}")) {
        if (--depth < 0) {
          return Optional.of(line.fail("`}` closes nothing"));
        }
      } else if (s.startsWith("state ") && s.endsWith("{")) {
        depth++;
      } else if (first.equals("note") && !s.contains(":")) {
        inNote = true;
      } else if (!STATE_WORDS.contains(first)
          && !STATE_TRANSITION.matcher(s).matches()
          && !s.matches("[^\\s:]+\\s*:.*")
          && !NAME.matcher(s).matches()) {
        return Optional.of(
            line.fail("expected a transition such as `[*] --> Idle` or `A --> B : event`"));
      }
    }
    if (inNote) {
      return Optional.of("a note is not closed with `end note`");
    }
    return depth == 0 ? Optional.empty() : Optional.of("a `state … {` is not closed with `}`");
  }

  static Optional<String> erDiagram(List<Line> body) {
    boolean inEntity = false;
    for (Line line : body) {
      String s = line.text().strip();
      if (inEntity) {
        if (s.equals("}")) {
          inEntity = false;
        } else if (!ER_ATTRIBUTE.matcher(s).matches()) {
          return Optional.of(
              line.fail("an attribute is written `type name [PK|FK|UK] [\"comment\"]`"));
        }
      } else if (s.matches("[\\w\"-]+(\\s*\\[[^\\]]*\\])?\\s*\\{")) {
        inEntity = true;
      } else if (!ER_RELATION.matcher(s).matches()
          && !NAME.matcher(s).matches()
          && !s.startsWith("title")
          && !s.startsWith("direction")
          && !s.startsWith("acc")) {
        return Optional.of(line.fail(
            "expected a relation such as `CUSTOMER ||--o{ ORDER : places` (with a label)"));
      }
    }
    return inEntity ? Optional.of("an entity's `{` is not closed with `}`") : Optional.empty();
  }
}
