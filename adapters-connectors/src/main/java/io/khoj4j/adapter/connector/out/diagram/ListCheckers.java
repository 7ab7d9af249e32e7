package io.khoj4j.adapter.connector.out.diagram;

import io.khoj4j.adapter.connector.out.diagram.MermaidDiagramValidator.Line;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Gantt charts, pies, mind maps, timelines and user journeys: lists of entries, one a line. */
final class ListCheckers {

  private static final Set<String> GANTT_WORDS = Set.of(
      "title",
      "dateFormat",
      "axisFormat",
      "tickInterval",
      "excludes",
      "includes",
      "todayMarker",
      "weekday",
      "section",
      "inclusiveEndDates",
      "topAxis",
      "displayMode",
      "accTitle:",
      "accDescr:",
      "click");
  private static final Pattern PIE_SLICE = Pattern.compile("\"[^\"]*\"\\s*:\\s*-?\\d+(\\.\\d+)?");
  private static final Pattern JOURNEY_TASK = Pattern.compile("[^:]+:\\s*\\d+\\s*(:\\s*[^:]*)?");

  private ListCheckers() {}

  static Optional<String> gantt(List<Line> body) {
    for (Line line : body) {
      String s = line.text().strip();
      if (!GANTT_WORDS.contains(s.split("\\s+")[0]) && !s.matches("[^:]+:\\s*\\S.*")) {
        return Optional.of(line.fail("a task is written `Name : id, 2024-01-01, 3d`"));
      }
    }
    return Optional.empty();
  }

  static Optional<String> pie(List<Line> body) {
    for (Line line : body) {
      String s = line.text().strip();
      if (!s.startsWith("title")
          && !s.startsWith("showData")
          && !s.startsWith("acc")
          && !PIE_SLICE.matcher(s).matches()) {
        return Optional.of(
            line.fail("a slice is written `\"Label\" : 42` (a quoted label and a number)"));
      }
    }
    return Optional.empty();
  }

  static Optional<String> mindmap(List<Line> body) {
    if (body.isEmpty()) {
      return Optional.of("a mindmap needs a root");
    }
    int rootIndent = indent(body.getFirst().text());
    for (Line line : body.subList(1, body.size())) {
      String s = line.text().strip();
      if (s.startsWith("::icon(") || s.startsWith(":::")) {
        continue;
      }
      if (indent(line.text()) <= rootIndent) {
        return Optional.of(line.fail("a mindmap has one root; indent every other node under it"));
      }
      if (!balanced(s)) {
        return Optional.of(line.fail("a node's brackets are not balanced"));
      }
    }
    return balanced(body.getFirst().text().strip())
        ? Optional.empty()
        : Optional.of(body.getFirst().fail("a node's brackets are not balanced"));
  }

  static Optional<String> timeline(List<Line> body) {
    for (Line line : body) {
      String s = line.text().strip();
      if (s.startsWith(":") && s.substring(1).isBlank() || s.matches(".*:\\s*:.*")) {
        return Optional.of(line.fail("an event after `:` is empty"));
      }
    }
    return Optional.empty();
  }

  static Optional<String> journey(List<Line> body) {
    for (Line line : body) {
      String s = line.text().strip();
      if (!s.startsWith("title")
          && !s.startsWith("section")
          && !s.startsWith("acc")
          && !JOURNEY_TASK.matcher(s).matches()) {
        return Optional.of(line.fail("a task is written `Make tea: 5: Me` (a score, 1 to 5)"));
      }
    }
    return Optional.empty();
  }

  private static int indent(String text) {
    int n = 0;
    while (n < text.length() && Character.isWhitespace(text.charAt(n))) {
      n++;
    }
    return n;
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (char c : s.toCharArray()) {
      depth += "([{".indexOf(c) >= 0 ? 1 : "}])".indexOf(c) >= 0 ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }
}
