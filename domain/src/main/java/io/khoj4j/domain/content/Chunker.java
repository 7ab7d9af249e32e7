package io.khoj4j.domain.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits sections into chunks of at most {@code maxWords} whitespace-separated words, the way Khoj does: a recursive
 * splitter that prefers paragraph breaks, then line breaks, then sentence ends, then spaces; no overlap; words longer
 * than 500 characters dropped; chunks after the first carry the last 100 characters of the section heading so they
 * keep their context. Every chunk gets the MD5 of its compiled text.
 */
public final class Chunker {

  public static final int DEFAULT_MAX_WORDS = 256;
  private static final int MAX_WORD_LENGTH = 500;
  private static final int HEADING_CONTEXT = 100;
  private static final List<String> SEPARATORS =
      List.of("\n\n", "\n", "!", "?", ".", " ", "\t", "");
  /** A word ends at any Unicode space (no-break spaces from HTML, the ideographic space), as Python's split() does. */
  private static final Pattern WORD = Pattern.compile("\\S+", Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern LINE_ANCHOR = Pattern.compile("#line=(\\d+)$");

  private final int maxWords;

  public Chunker(int maxWords) {
    if (maxWords < 16) {
      throw new IllegalArgumentException("chunks need at least 16 words, got " + maxWords);
    }
    this.maxWords = maxWords;
  }

  public Chunker() {
    this(DEFAULT_MAX_WORDS);
  }

  /**
   * Chunks every section.
   *
   * @param rawIsCompiled for plain text and pages, where each chunk's {@code raw} is the chunk itself rather than
   *     the whole section
   */
  public List<Chunk> chunk(List<Section> sections, boolean rawIsCompiled) {
    List<Chunk> chunks = new ArrayList<>();
    for (int index = 0; index < sections.size(); index++) {
      Section section = sections.get(index);
      String compiled = stripNul(section.compiled());
      if (compiled.isBlank()) {
        continue;
      }
      List<String> pieces = split(compiled, SEPARATORS);
      int searchFrom = 0;
      for (int i = 0; i < pieces.size(); i++) {
        String piece = dropLongWords(pieces.get(i));
        if (piece.isBlank()) {
          continue;
        }
        String heading = stripNul(section.heading());
        String text = i == 0 ? piece : tail(heading, HEADING_CONTEXT) + "\n" + piece;
        String raw = rawIsCompiled ? piece : stripNul(section.raw());
        String uri = section.uri();
        Matcher anchor = LINE_ANCHOR.matcher(uri);
        if (pieces.size() > 1 && anchor.find()) {
          int at = section.raw().indexOf(firstLine(piece), searchFrom);
          if (at >= 0) {
            int line = Integer.parseInt(anchor.group(1)) + countNewlines(section.raw(), at);
            uri = uri.substring(0, anchor.start()) + "#line=" + line;
            searchFrom = at;
          }
        }
        chunks.add(new Chunk(
            raw,
            text,
            heading,
            stripNul(section.file()),
            stripNul(uri),
            ContentHash.of(text),
            index));
      }
    }
    return chunks;
  }

  /** Number of whitespace-separated words, Khoj's notion of a token. */
  public static int words(String text) {
    int count = 0;
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      count++;
    }
    return count;
  }

  private List<String> split(String text, List<String> separators) {
    String separator = separators.getLast();
    List<String> finer = List.of();
    for (int i = 0; i < separators.size(); i++) {
      String s = separators.get(i);
      if (s.isEmpty() || text.contains(s)) {
        separator = s;
        finer = s.isEmpty() ? List.of() : separators.subList(i + 1, separators.size());
        break;
      }
    }
    List<String> result = new ArrayList<>();
    List<String> small = new ArrayList<>();
    for (String piece : splitKeepingSeparator(text, separator)) {
      if (words(piece) < maxWords) {
        small.add(piece);
        continue;
      }
      result.addAll(merge(small));
      small.clear();
      if (finer.isEmpty()) {
        result.addAll(hardSplit(piece));
      } else {
        result.addAll(split(piece, finer));
      }
    }
    result.addAll(merge(small));
    return result;
  }

  /** Pieces start with the separator that preceded them, so joining them restores the text. */
  private static List<String> splitKeepingSeparator(String text, String separator) {
    List<String> pieces = new ArrayList<>();
    if (separator.isEmpty()) {
      text.codePoints().forEach(cp -> pieces.add(new String(Character.toChars(cp))));
      return pieces;
    }
    int start = 0;
    int at = text.indexOf(separator, 1);
    while (at > 0) {
      pieces.add(text.substring(start, at));
      start = at;
      at = text.indexOf(separator, at + separator.length());
    }
    pieces.add(text.substring(start));
    return pieces.stream().filter(p -> !p.isEmpty()).toList();
  }

  private List<String> merge(List<String> pieces) {
    List<String> docs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentWords = 0;
    for (String piece : pieces) {
      int pieceWords = words(piece);
      if (currentWords + pieceWords > maxWords && !current.isEmpty()) {
        addStripped(docs, current.toString());
        current.setLength(0);
        currentWords = 0;
      }
      current.append(piece);
      currentWords += pieceWords;
    }
    addStripped(docs, current.toString());
    return docs;
  }

  /** A single run of text with no usable separator and too many words: cut by words. */
  private List<String> hardSplit(String piece) {
    List<String> docs = new ArrayList<>();
    Matcher m = WORD.matcher(piece);
    StringBuilder current = new StringBuilder();
    int n = 0;
    while (m.find()) {
      if (n == maxWords) {
        addStripped(docs, current.toString());
        current.setLength(0);
        n = 0;
      }
      current.append(n == 0 ? "" : " ").append(m.group());
      n++;
    }
    addStripped(docs, current.toString());
    return docs;
  }

  private static void addStripped(List<String> docs, String doc) {
    String stripped = doc.strip();
    if (!stripped.isEmpty()) {
      docs.add(stripped);
    }
  }

  private static String dropLongWords(String text) {
    return WORD.matcher(text)
        .replaceAll(
            m -> m.group().length() > MAX_WORD_LENGTH ? "" : Matcher.quoteReplacement(m.group()));
  }

  private static String tail(String text, int n) {
    return text.length() <= n ? text : text.substring(text.length() - n);
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static int countNewlines(String text, int end) {
    int count = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }

  static String stripNul(String text) {
    return text == null ? "" : text.replace("\u0000", "");
  }
}
