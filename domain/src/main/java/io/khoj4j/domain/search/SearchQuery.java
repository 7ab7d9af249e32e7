package io.khoj4j.domain.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search query split into the text to rank by and Khoj's filters written inside it: words ({@code +"word"},
 * {@code -"word"}), files ({@code file:"glob"}, {@code -file:"glob"}) and dates ({@code dt>="last week"}). Filter
 * syntax that does not match stays in the text. Every pattern is linear: no input can make parsing slow.
 */
public record SearchQuery(
    String text,
    Set<String> requiredWords,
    Set<String> excludedWords,
    List<String> includedFiles,
    List<String> excludedFiles,
    List<DateTerm> dateTerms) {

  /** A date condition as written: {@code dt>="last week"} is {@code (AT_OR_AFTER, "last week")}. */
  public record DateTerm(DateComparison comparison, String phrase) {}

  public enum DateComparison {
    AFTER,
    AT_OR_AFTER,
    BEFORE,
    AT_OR_BEFORE,
    ON;

    static DateComparison of(String op) {
      return switch (op) {
        case ">" -> AFTER;
        case ">=" -> AT_OR_AFTER;
        case "<" -> BEFORE;
        case "<=" -> AT_OR_BEFORE;
        default -> ON;
      };
    }
  }

  private static final String QUOTES = "\"'\u2018\u2019\u201c\u201d";
  private static final Pattern DATE = Pattern.compile(
      "\\bdt(>=|<=|==|>|<|=|:)[" + QUOTES + "]([^" + QUOTES + "\\n]{1,100})[" + QUOTES + "]");
  private static final Pattern EXCLUDE_FILE =
      Pattern.compile("(?<!\\S)-file:\"([^\"\\n]{1,1000})\"");
  private static final Pattern INCLUDE_FILE =
      Pattern.compile("(?<![\\S-])file:\"([^\"\\n]{1,1000})\"");
  private static final Pattern WORD = Pattern.compile("(?<!\\S)([+-])\"([A-Za-z0-9_-]{1,200})\"");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  public SearchQuery {
    requiredWords = Set.copyOf(requiredWords);
    excludedWords = Set.copyOf(excludedWords);
    includedFiles = List.copyOf(includedFiles);
    excludedFiles = List.copyOf(excludedFiles);
    dateTerms = List.copyOf(dateTerms);
  }

  public static SearchQuery parse(String raw) {
    StringBuilder rest = new StringBuilder(raw);
    List<DateTerm> dates = new ArrayList<>();
    for (MatchResult m : matches(DATE, rest)) {
      dates.add(new DateTerm(DateComparison.of(m.group(1)), m.group(2).strip()));
    }
    blank(DATE, rest);
    List<String> excludedFiles = new ArrayList<>();
    for (MatchResult m : matches(EXCLUDE_FILE, rest)) {
      excludedFiles.add(m.group(1));
    }
    blank(EXCLUDE_FILE, rest);
    List<String> includedFiles = new ArrayList<>();
    for (MatchResult m : matches(INCLUDE_FILE, rest)) {
      includedFiles.add(m.group(1));
    }
    blank(INCLUDE_FILE, rest);
    Set<String> required = new LinkedHashSet<>();
    Set<String> excluded = new LinkedHashSet<>();
    for (MatchResult m : matches(WORD, rest)) {
      (m.group(1).equals("+") ? required : excluded).add(m.group(2).toLowerCase(Locale.ROOT));
    }
    blank(WORD, rest);
    String text = SPACES.matcher(rest).replaceAll(" ").strip();
    return new SearchQuery(text, required, excluded, includedFiles, excludedFiles, dates);
  }

  public boolean hasFilters() {
    return !requiredWords.isEmpty()
        || !excludedWords.isEmpty()
        || !includedFiles.isEmpty()
        || !excludedFiles.isEmpty()
        || !dateTerms.isEmpty();
  }

  /** Khoj's file globs, unanchored: {@code *} any run, {@code ?} one character, everything else literal. */
  public static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> {
          if ("\\.^$|+()[]{}".indexOf(c) >= 0) {
            regex.append('\\');
          }
          regex.append(c);
        }
      }
    }
    return regex.toString();
  }

  private static List<MatchResult> matches(Pattern pattern, CharSequence text) {
    List<MatchResult> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      out.add(m.toMatchResult());
    }
    return out;
  }

  private static void blank(Pattern pattern, StringBuilder text) {
    Matcher m = pattern.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    for (int[] span : spans) {
      for (int i = span[0]; i < span[1]; i++) {
        text.setCharAt(i, ' ');
      }
    }
  }
}
