package io.khoj4j.domain.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts an Org-mode file into sections. The outline is parsed into nodes (headline with TODO keyword, priority and
 * tags; property and logbook drawers; CLOSED/SCHEDULED/DEADLINE planning; body). A subtree that fits in
 * {@code maxWords} words stays one section; a larger one gives its own body a section and its children are cut the
 * same way. Headline-only nodes are not indexed. Each section names its file title and ancestors for context.
 */
public final class OrgSections {

  private static final Pattern HEADLINE = Pattern.compile("^(\\*+)\\s+(.*?)\\s*$");
  private static final Pattern TAGS = Pattern.compile("\\s+(:[\\w@#%:]+:)\\s*$");
  private static final Pattern PRIORITY = Pattern.compile("^\\[#([A-Za-z])]\\s*");
  private static final Pattern TITLE =
      Pattern.compile("^#\\+TITLE:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEQ_TODO =
      Pattern.compile("^#\\+(?:SEQ_)?TODO:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern PLANNING =
      Pattern.compile("(CLOSED|SCHEDULED|DEADLINE):\\s*[\\[<](\\d{4}-\\d{2}-\\d{2})[^\\]>]*[\\]>]");
  private static final Set<String> DEFAULT_TODO =
      Set.of("TODO", "WAITING", "ACTIVE", "DONE", "CANCELLED", "FAILED");

  private final int maxWords;

  public OrgSections(int maxWords) {
    this.maxWords = maxWords;
  }

  /** One outline node. Level 0 is the text before the first headline. */
  record Node(
      int level,
      int line,
      String keyword,
      String priority,
      String title,
      List<String> tags,
      String closed,
      String scheduled,
      String deadline,
      String body,
      String source,
      List<Node> children) {

    int words() {
      int n = Chunker.words(source);
      for (Node child : children) {
        n += child.words();
      }
      return n;
    }
  }

  public List<Section> of(String file, String org) {
    List<String> lines = List.of(org.replace("\r\n", "\n").split("\n", -1));
    Set<String> keywords = new LinkedHashSet<>(DEFAULT_TODO);
    List<String> titles = new ArrayList<>();
    for (String line : lines) {
      Matcher t = TITLE.matcher(line);
      if (t.matches() && !t.group(1).isBlank()) {
        titles.add(t.group(1).strip());
      }
      Matcher s = SEQ_TODO.matcher(line);
      if (s.matches()) {
        for (String k : s.group(1).split("\\s+")) {
          if (!k.isBlank() && !k.equals("|")) {
            keywords.add(k.replaceAll("\\(.*\\)$", ""));
          }
        }
      }
    }
    String fileTitle = titles.isEmpty() ? file : String.join(" ", titles);
    Node root = parse(lines, keywords, fileTitle);
    List<Section> sections = new ArrayList<>();
    if (root.words() <= maxWords) {
      addSection(file, List.of(fileTitle), flatten(root), sections);
    } else {
      cut(file, root, List.of(fileTitle), sections);
    }
    return sections;
  }

  private void cut(String file, Node node, List<String> ancestors, List<Section> out) {
    List<String> below = node.level() == 0 ? ancestors : append(ancestors, node.title());
    addSection(file, ancestors, List.of(node), out);
    for (Node child : node.children()) {
      if (child.words() <= maxWords) {
        addSection(file, below, flatten(child), out);
      } else {
        cut(file, child, below, out);
      }
    }
  }

  /**
   * The headings above {@code first}: the section's ancestors, then the headings of this section that only group
   * others and so are not entries of their own ({@code * Projects} above {@code ** Garden}), as Khoj's first node
   * carries all of its ancestors. {@code nodes} is in document order, so each one's parent is the nearest node
   * before it at a lower level.
   */
  private static List<String> pathTo(Node first, List<Node> nodes, List<String> ancestors) {
    int at = 0;
    while (at < nodes.size() && nodes.get(at) != first) {
      at++;
    }
    List<String> inside = new ArrayList<>();
    int level = first.level();
    for (int j = at - 1; j >= 0 && level > 1; j--) {
      Node n = nodes.get(j);
      if (n.level() > 0 && n.level() < level) {
        inside.addFirst(n.title());
        level = n.level();
      }
    }
    List<String> path = new ArrayList<>(ancestors);
    path.addAll(inside);
    return path;
  }

  private static List<String> append(List<String> list, String item) {
    List<String> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  private static List<Node> flatten(Node node) {
    List<Node> all = new ArrayList<>();
    all.add(node);
    for (Node child : node.children()) {
      all.addAll(flatten(child));
    }
    return all;
  }

  private static void addSection(
      String file, List<String> ancestors, List<Node> nodes, List<Section> out) {
    // A heading with text under it, or a heading that is itself the content (a leaf: a TODO line, a
    // heading-only
    // note); headings that only group others appear as their children's ancestors instead.
    List<Node> kept = nodes.stream()
        .filter(
            n -> !n.body().isBlank() || (n.children().isEmpty() && !n.title().isBlank()))
        .toList();
    if (kept.isEmpty()) {
      return;
    }
    int base = nodes.stream().mapToInt(Node::level).filter(l -> l > 0).min().orElse(1);
    List<String> path = pathTo(kept.getFirst(), nodes, ancestors);
    StringBuilder compiled = new StringBuilder();
    StringBuilder raw = new StringBuilder();
    String sectionHeading = "";
    for (int i = 0; i < kept.size(); i++) {
      Node n = kept.get(i);
      String starred = "*".repeat(Math.max(1, n.level() - base + 2)) + " "
          + (n.keyword().isEmpty() ? "" : n.keyword() + " ") + n.title() + ".";
      String heading = i == 0 ? "* " + String.join(" / ", path) + "\n" + starred : starred;
      if (i == 0) {
        sectionHeading = heading;
      } else {
        compiled.append('\n');
        raw.append('\n');
      }
      compiled.append(heading);
      if (!n.tags().isEmpty()) {
        compiled.append("\t ").append(String.join(" ", n.tags())).append('.');
      }
      if (!n.closed().isEmpty()) {
        compiled.append("\n Closed on ").append(n.closed()).append('.');
      }
      if (!n.scheduled().isEmpty()) {
        compiled.append("\n Scheduled for ").append(n.scheduled()).append('.');
      }
      if (!n.deadline().isEmpty()) {
        compiled.append("\n Deadline on ").append(n.deadline()).append('.');
      }
      compiled.append("\n ").append(n.body());
      raw.append(n.source().strip());
    }
    out.add(new Section(
        raw.toString(),
        compiled.toString(),
        sectionHeading,
        file,
        Uris.forLine(file, kept.getFirst().line())));
  }

  private static Node parse(List<String> lines, Set<String> keywords, String fileTitle) {
    List<int[]> starts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (HEADLINE.matcher(lines.get(i)).matches()) {
        starts.add(new int[] {
          i,
          HEADLINE
              .matcher(lines.get(i))
              .results()
              .findFirst()
              .orElseThrow()
              .group(1)
              .length()
        });
      }
    }
    int introEnd = starts.isEmpty() ? lines.size() : starts.getFirst()[0];
    Node root = node(0, 0, fileTitle, lines, 0, introEnd, keywords, true);
    List<Node> stack = new ArrayList<>();
    stack.add(root);
    for (int k = 0; k < starts.size(); k++) {
      int start = starts.get(k)[0];
      int end = k + 1 < starts.size() ? starts.get(k + 1)[0] : lines.size();
      Node node = node(starts.get(k)[1], start, null, lines, start, end, keywords, false);
      while (stack.getLast().level() >= node.level()) {
        stack.removeLast();
      }
      stack.getLast().children().add(node);
      stack.add(node);
    }
    return root;
  }

  private static Node node(
      int level,
      int index,
      String fixedTitle,
      List<String> lines,
      int start,
      int end,
      Set<String> keywords,
      boolean intro) {
    Headline headline = intro
        ? new Headline("", "", fixedTitle, new ArrayList<>())
        : headline(lines.get(start), keywords);
    Body body = body(lines, intro ? start : start + 1, end);
    String source = String.join("\n", lines.subList(start, end));
    return new Node(
        level,
        index + 1,
        headline.keyword(),
        headline.priority(),
        headline.title() == null ? "" : headline.title(),
        headline.tags(),
        body.closed(),
        body.scheduled(),
        body.deadline(),
        body.text(),
        source,
        new ArrayList<>());
  }

  /** A headline's parts: {@code * TODO [#A] Title :tag1:tag2:}. */
  private record Headline(String keyword, String priority, String title, List<String> tags) {}

  private static Headline headline(String line, Set<String> keywords) {
    Matcher h = HEADLINE.matcher(line);
    h.matches();
    String text = h.group(2);
    List<String> tags = new ArrayList<>();
    Matcher tagMatch = TAGS.matcher(text);
    if (tagMatch.find()) {
      for (String tag : tagMatch.group(1).split(":")) {
        if (!tag.isBlank()) {
          tags.add(tag);
        }
      }
      text = text.substring(0, tagMatch.start());
    }
    String keyword = "";
    int space = text.indexOf(' ');
    String first = space < 0 ? text : text.substring(0, space);
    if (keywords.contains(first)) {
      keyword = first;
      text = space < 0 ? "" : text.substring(space + 1);
    }
    String priority = "";
    Matcher p = PRIORITY.matcher(text);
    if (p.find()) {
      priority = p.group(1);
      text = text.substring(p.end());
    }
    return new Headline(keyword, priority, text.strip(), tags);
  }

  /** A section's text without drawers, planning lines, keywords and clock lines, and its planning dates. */
  private record Body(String text, String closed, String scheduled, String deadline) {}

  private static Body body(List<String> lines, int from, int end) {
    String closed = "";
    String scheduled = "";
    String deadline = "";
    StringBuilder body = new StringBuilder();
    boolean inDrawer = false;
    for (int i = from; i < end; i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      if (inDrawer) {
        inDrawer = !trimmed.equalsIgnoreCase(":END:");
        continue;
      }
      if (trimmed.matches("(?i):(PROPERTIES|LOGBOOK):")) {
        inDrawer = true;
        continue;
      }
      Matcher planning = PLANNING.matcher(trimmed);
      boolean isPlanning = false;
      while (planning.find()) {
        isPlanning = true;
        switch (planning.group(1)) {
          case "CLOSED" -> closed = planning.group(2);
          case "SCHEDULED" -> scheduled = planning.group(2);
          default -> deadline = planning.group(2);
        }
      }
      if (isPlanning
          && trimmed.matches("^((CLOSED|SCHEDULED|DEADLINE):\\s*[\\[<][^\\]>]*[\\]>]\\s*)+$")) {
        continue;
      }
      if (trimmed.startsWith("#") || trimmed.startsWith("CLOCK:")) {
        continue;
      }
      body.append(line).append('\n');
    }
    return new Body(body.toString().strip(), closed, scheduled, deadline);
  }
}
