package io.khoj4j.domain.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a Markdown note into sections by heading, only as deep as needed: a part that fits in {@code maxWords} words
 * stays whole; a larger one is split at the shallowest heading level that divides it. Each section keeps the headings
 * above it (its ancestry) as context, and links to its first line ({@code file://path#line=N}).
 */
public final class MarkdownSections {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern STARTS_WITH_HEADING = Pattern.compile("^#+\\s");

  private final int maxWords;

  public MarkdownSections(int maxWords) {
    this.maxWords = maxWords;
  }

  public List<Section> of(String file, String markdown) {
    List<String> lines = Arrays.asList(markdown.replace("\r\n", "\n").split("\n", -1));
    List<Section> sections = new ArrayList<>();
    split(file, lines, new TreeMap<>(), 1, 1, sections);
    return sections;
  }

  /**
   * @param firstLine file line number (1-based) of {@code lines[0]}
   * @param anchorLine the line a section made of these lines links to: the heading they sit under, else their start
   */
  private void split(
      String file,
      List<String> lines,
      TreeMap<Integer, String> ancestry,
      int firstLine,
      int anchorLine,
      List<Section> out) {
    String body = String.join("\n", lines);
    String text = ancestryLines(ancestry) + body;
    int depth = ancestry.isEmpty() ? 0 : ancestry.lastKey();
    if (text.isBlank()) {
      return;
    }
    if (Chunker.words(text) <= maxWords || deepestUsableLevel(lines, depth) == 0) {
      out.add(section(file, text.strip(), anchorLine));
      return;
    }
    for (int level = depth + 1; level <= 6; level++) {
      List<int[]> parts = partsAt(lines, level);
      boolean splits = parts.size() >= 2;
      boolean singleHeadedPart =
          parts.size() == 1 && headingLevel(firstNonBlank(lines, parts.get(0))) == level;
      if (!splits && !singleHeadedPart) {
        continue;
      }
      for (int[] part : parts) {
        List<String> partLines = lines.subList(part[0], part[1]);
        int headingAt = firstNonBlankIndex(partLines);
        if (headingAt < 0) {
          continue;
        }
        Matcher heading = HEADING.matcher(partLines.get(headingAt));
        if (heading.matches() && heading.group(1).length() == level) {
          TreeMap<Integer, String> deeper = new TreeMap<>(ancestry.headMap(level));
          deeper.put(level, heading.group(2));
          int headingLine = firstLine + part[0] + headingAt;
          split(
              file,
              partLines.subList(headingAt + 1, partLines.size()),
              deeper,
              headingLine + 1,
              headingLine,
              out);
        } else {
          int start = firstLine + part[0];
          split(
              file, partLines, ancestry, start, part[0] == 0 ? anchorLine : start + headingAt, out);
        }
      }
      return;
    }
    out.add(section(file, text.strip(), anchorLine));
  }

  /** [start, end) line ranges, each starting at a heading of exactly {@code level} (the first may not). */
  private static List<int[]> partsAt(List<String> lines, int level) {
    List<int[]> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (headingLevel(lines.get(i)) == level && i > start) {
        if (!String.join("", lines.subList(start, i)).isBlank()) {
          parts.add(new int[] {start, i});
        }
        start = i;
      }
    }
    if (!String.join("", lines.subList(start, lines.size())).isBlank()) {
      parts.add(new int[] {start, lines.size()});
    }
    return parts;
  }

  private static int deepestUsableLevel(List<String> lines, int depth) {
    int found = 0;
    for (String line : lines) {
      int level = headingLevel(line);
      if (level > depth) {
        found = Math.max(found, level);
      }
    }
    return found;
  }

  private static int headingLevel(String line) {
    Matcher m = HEADING.matcher(line);
    return m.matches() ? m.group(1).length() : 0;
  }

  private static String firstNonBlank(List<String> lines, int[] part) {
    int at = firstNonBlankIndex(lines.subList(part[0], part[1]));
    return at < 0 ? "" : lines.get(part[0] + at);
  }

  private static int firstNonBlankIndex(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }

  private static String ancestryLines(TreeMap<Integer, String> ancestry) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Integer, String> e : ancestry.entrySet()) {
      sb.append("#".repeat(e.getKey())).append(' ').append(e.getValue()).append('\n');
    }
    return sb.toString();
  }

  private static Section section(String file, String raw, int line) {
    String prefix = "# " + file + "\n";
    if (STARTS_WITH_HEADING.matcher(raw).find()) {
      String firstLine = raw.lines().findFirst().orElse("");
      return new Section(
          raw, prefix + "#" + raw, prefix + "#" + firstLine, file, Uris.forLine(file, line));
    }
    return new Section(raw, prefix + raw, prefix, file, Uris.forLine(file, line));
  }
}
