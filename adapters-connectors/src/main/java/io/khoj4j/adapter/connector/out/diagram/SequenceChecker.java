package io.khoj4j.adapter.connector.out.diagram;

import io.khoj4j.adapter.connector.out.diagram.MermaidDiagramValidator.Line;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sequence diagrams: participants, messages {@code A->>B: text} with Mermaid's arrows, notes, and blocks (loop,
 * alt/else, opt, par/and, critical/option, break, rect, box) each closed by {@code end}.
 */
final class SequenceChecker implements MermaidDiagramValidator.KindChecker {

  private static final Pattern MESSAGE = Pattern.compile(
      "[^:]+?\\s*(?:<<-->>|<<->>|-->>|->>|-->|->|--x|-x|--\\)|-\\))\\s*[+-]?\\s*[^:\\s][^:]*(?::.*)?");
  private static final Pattern NOTE =
      Pattern.compile("(?i)note\\s+(left of|right of|over)\\s+[^:,]+(,\\s*[^:,]+)?\\s*:.*");
  private static final Pattern PARTICIPANT =
      Pattern.compile("(create\\s+)?(participant|actor)\\s+\\S.*");
  private static final Set<String> BLOCKS =
      Set.of("loop", "alt", "opt", "par", "critical", "break", "rect", "box");
  /** Words that continue a block, with the blocks they belong to. */
  private static final Map<String, Set<String>> BRANCHES =
      Map.of("else", Set.of("alt"), "and", Set.of("par"), "option", Set.of("critical"));

  private static final Set<String> SINGLE = Set.of(
      "autonumber",
      "activate",
      "deactivate",
      "destroy",
      "title",
      "accTitle",
      "accDescr",
      "accTitle:",
      "accDescr:",
      "title:",
      "link",
      "links",
      "properties",
      "details");

  @Override
  public Optional<String> check(List<Line> body) {
    Deque<String> open = new ArrayDeque<>();
    for (Line line : body) {
      String s = line.text().strip();
      if (s.endsWith(";")) {
        s = s.substring(0, s.length() - 1).strip();
      }
      String first = s.split("\\s+")[0];
      if (BLOCKS.contains(first)) {
        open.push(first);
      } else if (BRANCHES.containsKey(first)) {
        if (open.isEmpty() || !BRANCHES.get(first).contains(open.peek())) {
          return Optional.of(
              line.fail("`" + first + "` outside a matching " + BRANCHES.get(first) + " block"));
        }
      } else if (first.equals("end")) {
        if (open.isEmpty()) {
          return Optional.of(line.fail("`end` closes no block"));
        }
        open.pop();
      } else if (!SINGLE.contains(first)
          && !PARTICIPANT.matcher(s).matches()
          && !NOTE.matcher(s).matches()
          && !MESSAGE.matcher(s).matches()) {
        return Optional.of(line.fail(problem(s)));
      }
    }
    return open.isEmpty()
        ? Optional.empty()
        : Optional.of("a `" + open.peek() + "` block is not closed with `end`");
  }

  private static String problem(String s) {
    if (s.regionMatches(true, 0, "note", 0, 4)) {
      return "a note is written `Note right of A: text` or `Note over A,B: text`";
    }
    return "expected a message such as `A->>B: text`, a participant, a note or a block";
  }
}
