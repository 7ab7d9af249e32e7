package io.khoj4j.application.port.out.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A shallow Mermaid check: the first line must name a diagram type, and every arrow must have something on both
 * sides. Records every diagram checked.
 */
public final class InMemoryDiagramValidator implements DiagramValidator {

  private static final Set<String> TYPES = Set.of(
      "flowchart",
      "graph",
      "sequenceDiagram",
      "classDiagram",
      "stateDiagram-v2",
      "erDiagram",
      "gantt",
      "pie",
      "mindmap",
      "timeline");

  private final List<String> checked = new ArrayList<>();

  public synchronized List<String> checked() {
    return List.copyOf(checked);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public synchronized Optional<String> problem(String mermaid) {
    checked.add(mermaid);
    List<String> lines =
        mermaid.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty() || !TYPES.contains(lines.getFirst().split("\\s+")[0])) {
      return Optional.of("line 1: expected a diagram type");
    }
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.endsWith("-->") || line.startsWith("-->")) {
        return Optional.of("line " + (i + 1) + ": an arrow needs a node on both sides");
      }
    }
    return Optional.empty();
  }
}
