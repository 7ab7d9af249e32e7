package io.khoj4j.application.service.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Answers are Markdown; what is read aloud is their words, in pieces a provider accepts. */
final class SpeechText {

  private static final Pattern CODE_BLOCK = Pattern.compile("(?s)```.*?(```|$)|~~~.*?(~~~|$)");
  private static final Pattern IMAGE =
      Pattern.compile("!\\[([^\\]\\n]{0,500})\\]\\([^)\\n]{0,2000}\\)");
  private static final Pattern LINK =
      Pattern.compile("\\[([^\\]\\n]{1,500})\\]\\([^)\\n]{0,2000}\\)");
  private static final Pattern INLINE_CODE = Pattern.compile("`([^`]*)`");
  private static final Pattern HTML_TAG = Pattern.compile("<[^>\\n]{1,500}>");
  private static final Pattern HEADING = Pattern.compile("(?m)^\\s{0,3}#{1,6}\\s*");
  private static final Pattern QUOTE = Pattern.compile("(?m)^\\s*>\\s?");
  private static final Pattern BULLET = Pattern.compile("(?m)^\\s*[-*+]\\s+");
  private static final Pattern RULE = Pattern.compile("(?m)^\\s*([-*_]\\s*){3,}$");
  private static final Pattern TABLE_SEPARATOR =
      Pattern.compile("(?m)^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__|~~)([^\\n]{1,500}?)\\1");
  private static final Pattern EMPHASIS =
      Pattern.compile("(?<![\\w*])\\*(?!\\s)([^*\\n]{1,500}?)(?<!\\s)\\*(?![\\w*])");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+|\\n+");

  // Every span a pattern may match is bounded (500 characters, 2,000 for a link's address) and
  // stops at a line's end:
  // with unbounded spans an unclosed mark ("*a *a *a ...") made each attempt scan to the end,
  // quadratic in the text.

  private SpeechText() {}

  /** The text without Markdown syntax: code blocks dropped, links and images as their words, marks removed. */
  static String plain(String markdown) {
    String text = CODE_BLOCK.matcher(markdown).replaceAll(" ");
    text = IMAGE.matcher(text).replaceAll("$1");
    text = LINK.matcher(text).replaceAll("$1");
    text = INLINE_CODE.matcher(text).replaceAll("$1");
    text = HTML_TAG.matcher(text).replaceAll(" ");
    text = TABLE_SEPARATOR.matcher(text).replaceAll("");
    text = RULE.matcher(text).replaceAll("");
    text = HEADING.matcher(text).replaceAll("");
    text = QUOTE.matcher(text).replaceAll("");
    text = BULLET.matcher(text).replaceAll("");
    text = STRONG.matcher(text).replaceAll("$2");
    text = EMPHASIS.matcher(text).replaceAll("$1");
    text = text.replace('|', ' ');
    return text.replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
  }

  /** The text in order, cut between sentences into pieces of at most {@code max} characters (words kept whole). */
  static List<String> pieces(String text, int max) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String sentence : SENTENCE_END.split(text)) {
      String s = sentence.strip();
      while (s.length()
          > max) { // one sentence longer than a piece: cut at the last space that fits
        flush(current, pieces);
        int cut = s.lastIndexOf(' ', max);
        cut = cut <= 0 ? max : cut;
        pieces.add(s.substring(0, cut).strip());
        s = s.substring(cut).strip();
      }
      if (s.isEmpty()) {
        continue;
      }
      if (current.length() > 0 && current.length() + 1 + s.length() > max) {
        flush(current, pieces);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(s);
    }
    flush(current, pieces);
    return pieces;
  }

  private static void flush(StringBuilder current, List<String> pieces) {
    if (!current.isEmpty()) {
      pieces.add(current.toString());
      current.setLength(0);
    }
  }
}
