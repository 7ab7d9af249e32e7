package io.khoj4j.adapter.connector.out.diagram;

import io.khoj4j.adapter.connector.out.diagram.MermaidDiagramValidator.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flowcharts ({@code flowchart}/{@code graph}): each statement is a chain {@code node (link node)*}, nodes joined
 * by {@code &}, read by a small recursive-descent parser; or a keyword statement (subgraph … end, classDef, style,
 * …). Statements may be separated by {@code ;}.
 */
final class FlowchartChecker implements MermaidDiagramValidator.KindChecker {

  private static final Pattern HEADER =
      Pattern.compile("(?i)(flowchart|graph|flowchart-elk)(\\s+(TB|TD|BT|RL|LR))?" + "\\s*;?\\s*");
  private static final Set<String> KEYWORDS = Set.of(
      "classDef",
      "class",
      "style",
      "linkStyle",
      "click",
      "direction",
      "accTitle",
      "accDescr",
      "accTitle:",
      "accDescr:");
  /** Openers of node shapes, longest first, with their closers. */
  private static final String[][] SHAPES = {
    {"(((", ")))"}, {"((", "))"}, {"([", "])"}, {"[[", "]]"}, {"[(", ")]"}, {"{{", "}}"},
    {"[/", "/]", "\\]"}, {"[\\", "\\]", "/]"}, {"(", ")"}, {"[", "]"}, {"{", "}"}, {">", "]"}
  };

  private static final Pattern LINK =
      Pattern.compile("[<ox]?(?:-{2,}[>ox]?|={2,}[>ox]?|-\\.+-[>ox]?|~{3,}|-\\.(?=\\s))");
  private static final Pattern LINK_END =
      Pattern.compile("(?:-{2,}[>ox-]|={2,}[>ox=]|\\.+-+[>ox]?)");

  static boolean validHeader(String header) {
    return HEADER.matcher(header.strip()).matches();
  }

  @Override
  public Optional<String> check(List<Line> body) {
    int open = 0;
    for (Line line : body) {
      for (String statement : statements(line.text())) {
        String s = statement.strip();
        if (s.isEmpty()) {
          continue;
        }
        String first = s.split("\\s+")[0];
        if (first.equals("subgraph")) {
          if (s.equals("subgraph")) {
            return Optional.of(line.fail("a subgraph needs a name"));
          }
          open++;
        } else if (first.equals("end")) {
          if (open == 0) {
            return Optional.of(
                line.fail("`end` closes no subgraph (a node may not be called end; write End)"));
          }
          open--;
        } else if (!KEYWORDS.contains(first)) {
          Optional<String> problem = new Chain(s).parse();
          if (problem.isPresent()) {
            return Optional.of(line.fail(problem.get()));
          }
        }
      }
    }
    return open > 0 ? Optional.of("a subgraph is not closed with `end`") : Optional.empty();
  }

  /** Splits on {@code ;} outside quotes and brackets. */
  private static List<String> statements(String line) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && "[({".indexOf(c) >= 0) {
        depth++;
      } else if (!quoted && "])}".indexOf(c) >= 0) {
        depth = Math.max(0, depth - 1);
      } else if (!quoted && depth == 0 && c == ';') {
        parts.add(line.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(line.substring(start));
    return parts;
  }

  /** One statement: {@code nodes (link nodes)*}. */
  private static final class Chain {
    private final String s;
    private int at;

    Chain(String s) {
      this.s = s;
    }

    Optional<String> parse() {
      String problem = nodes();
      while (problem == null) {
        skipSpace();
        if (at >= s.length()) {
          return Optional.empty();
        }
        problem = link();
        if (problem == null) {
          skipSpace();
          problem = at >= s.length() ? "an arrow needs a node on both sides" : nodes();
        }
      }
      return Optional.of(problem);
    }

    private String nodes() {
      String problem = node();
      skipSpace();
      while (problem == null && at < s.length() && s.charAt(at) == '&') {
        at++;
        skipSpace();
        problem = node();
        skipSpace();
      }
      return problem;
    }

    private String node() {
      int start = at;
      while (at < s.length() && idChar(at)) {
        at++;
      }
      if (at == start) {
        return at < s.length()
            ? "expected a node id at `" + s.substring(at) + "`"
            : "expected a node id";
      }
      if (s.substring(start, at).equals("end")) {
        return "a node may not be called end; write End";
      }
      if (at < s.length() && s.startsWith("@{", at)) {
        int close = s.indexOf('}', at);
        if (close < 0) {
          return "`@{` is not closed";
        }
        at = close + 1;
      } else {
        String problem = shape();
        if (problem != null) {
          return problem;
        }
      }
      if (s.startsWith(":::", at)) {
        at += 3;
        int start2 = at;
        while (at < s.length() && idChar(at)) {
          at++;
        }
        return at == start2 ? "`:::` needs a class name" : null;
      }
      return null;
    }

    private boolean idChar(int i) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_') {
        return true;
      }
      return (c == '-' || c == '.')
          && i + 1 < s.length()
          && i > 0
          && Character.isLetterOrDigit(s.charAt(i + 1))
          && Character.isLetterOrDigit(s.charAt(i - 1));
    }

    private String shape() {
      for (String[] shape : SHAPES) {
        if (s.startsWith(shape[0], at)) {
          at += shape[0].length();
          return label(shape);
        }
      }
      return null;
    }

    private String label(String[] shape) {
      if (at < s.length() && s.charAt(at) == '"') {
        int close = s.indexOf('"', at + 1);
        if (close < 0) {
          return "a quoted label is not closed";
        }
        at = close + 1;
      }
      while (at < s.length()) {
        for (int k = 1; k < shape.length; k++) {
          if (s.startsWith(shape[k], at)) {
            at += shape[k].length();
            return null;
          }
        }
        char c = s.charAt(at);
        if ("[](){}\"".indexOf(c) >= 0) {
          return "`" + c
              + "` inside a node label; put the label in double quotes, e.g. A[\"text (note)\"]";
        }
        at++;
      }
      return "a node label opened with `" + shape[0] + "` is not closed with `" + shape[1] + "`";
    }

    private String link() {
      Matcher m = LINK.matcher(s).region(at, s.length());
      if (!m.lookingAt()) {
        return "expected an arrow such as --> at `" + s.substring(at) + "`";
      }
      String token = m.group();
      at = m.end();
      boolean open = token.matches("<?(--|==|-\\.)");
      if (open && at < s.length() && Character.isWhitespace(s.charAt(at))) {
        Matcher end = LINK_END.matcher(s);
        if (!end.find(at)) {
          return "the text on an arrow is not closed (write A -- text --> B)";
        }
        at = end.end();
      } else if (open) {
        return "an arrow is not finished";
      }
      skipSpace();
      if (at < s.length() && s.charAt(at) == '|') {
        int close = s.indexOf('|', at + 1);
        if (close < 0) {
          return "the `|text|` on an arrow is not closed";
        }
        at = close + 1;
      }
      return null;
    }

    private void skipSpace() {
      while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
        at++;
      }
    }
  }
}
