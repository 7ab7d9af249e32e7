package io.khoj4j.adapter.connector.out.diagram;

import io.khoj4j.application.port.out.tools.DiagramValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks Mermaid source in-process, without Node: the header names the diagram kind, and each kind Khoj's models
 * write (flowchart/graph, sequence, class, state, er, gantt, pie, mindmap, timeline, journey) is read line by line
 * against the statements Mermaid accepts, catching what makes Mermaid refuse a diagram (unquoted brackets in a
 * label, a dangling arrow, an unclosed block, a lowercase {@code end} node, a pie slice without a number, …).
 * Other kinds Mermaid knows are accepted on their header alone. Messages name the line, so the chat model can fix it.
 */
public final class MermaidDiagramValidator implements DiagramValidator {

  /** A line of the diagram's body with its number in the source. */
  record Line(int number, String text) {
    String fail(String what) {
      return "line " + number + ": " + what + " in `" + text + "`";
    }
  }

  /** The check of one diagram kind, given the lines after the header. */
  interface KindChecker {
    Optional<String> check(List<Line> body);
  }

  private static final Map<String, KindChecker> KINDS = Map.ofEntries(
      Map.entry("flowchart", new FlowchartChecker()),
      Map.entry("graph", new FlowchartChecker()),
      Map.entry("flowchart-elk", new FlowchartChecker()),
      Map.entry("sequencediagram", new SequenceChecker()),
      Map.entry("classdiagram", StructureCheckers::classDiagram),
      Map.entry("classdiagram-v2", StructureCheckers::classDiagram),
      Map.entry("statediagram", StructureCheckers::stateDiagram),
      Map.entry("statediagram-v2", StructureCheckers::stateDiagram),
      Map.entry("erdiagram", StructureCheckers::erDiagram),
      Map.entry("gantt", ListCheckers::gantt),
      Map.entry("pie", ListCheckers::pie),
      Map.entry("mindmap", ListCheckers::mindmap),
      Map.entry("timeline", ListCheckers::timeline),
      Map.entry("journey", ListCheckers::journey));

  private static final Set<String> HEADER_ONLY = Set.of(
      "gitgraph",
      "quadrantchart",
      "requirementdiagram",
      "c4context",
      "c4container",
      "c4component",
      "c4dynamic",
      "c4deployment",
      "xychart-beta",
      "sankey-beta",
      "block-beta",
      "packet-beta",
      "architecture-beta",
      "kanban",
      "radar-beta",
      "treemap-beta");

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Optional<String> problem(String mermaid) {
    if (mermaid == null || mermaid.isBlank()) {
      return Optional.of("the diagram is empty");
    }
    List<Line> lines = meaningfulLines(mermaid);
    if (lines.isEmpty()) {
      return Optional.of("the diagram has only comments or settings");
    }
    Line header = lines.getFirst();
    String kind = header.text().split("[\\s;]+")[0].toLowerCase(Locale.ROOT);
    KindChecker checker = KINDS.get(kind);
    if (checker == null) {
      return HEADER_ONLY.contains(kind)
          ? Optional.empty()
          : Optional.of(header.fail(
              "the first line must name a diagram type (flowchart TD, sequenceDiagram, classDiagram, stateDiagram-v2, "
                  + "erDiagram, gantt, pie, mindmap, timeline or journey)"));
    }
    if (checker instanceof FlowchartChecker && !FlowchartChecker.validHeader(header.text())) {
      return Optional.of(header.fail("a flowchart's direction must be TB, TD, BT, RL or LR"));
    }
    return checker.check(lines.subList(1, lines.size()));
  }

  /** Lines without front matter, {@code %%} comments, directives and blanks (mindmaps keep their indentation). */
  static List<Line> meaningfulLines(String mermaid) {
    List<String> raw = mermaid.lines().toList();
    List<Line> lines = new ArrayList<>();
    int start = 0;
    if (!raw.isEmpty() && raw.getFirst().strip().equals("---")) {
      int close = 1;
      while (close < raw.size() && !raw.get(close).strip().equals("---")) {
        close++;
      }
      start = close + 1;
    }
    for (int i = start; i < raw.size(); i++) {
      String text = raw.get(i).stripTrailing();
      if (text.isBlank() || text.strip().startsWith("%%")) {
        continue;
      }
      lines.add(new Line(i + 1, text));
    }
    return lines;
  }
}
