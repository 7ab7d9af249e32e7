package io.khoj4j.domain.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filters of a query in the form a store applies them: words matched case-insensitively as literal substrings of
 * an entry's raw text; file patterns as unanchored regular expressions over its path (includes OR-ed, excludes AND-ed);
 * a range of mentioned dates.
 */
public record EntryFilter(
    Set<String> requiredWords,
    Set<String> excludedWords,
    List<String> includedFilePatterns,
    List<String> excludedFilePatterns,
    DateRange dates) {

  public static final EntryFilter NONE =
      new EntryFilter(Set.of(), Set.of(), List.of(), List.of(), DateRange.ALL);

  public EntryFilter {
    requiredWords = Set.copyOf(requiredWords);
    excludedWords = Set.copyOf(excludedWords);
    includedFilePatterns = List.copyOf(includedFilePatterns);
    excludedFilePatterns = List.copyOf(excludedFilePatterns);
  }

  public static EntryFilter of(SearchQuery query, DateRange dates) {
    return new EntryFilter(
        query.requiredWords(),
        query.excludedWords(),
        query.includedFiles().stream().map(SearchQuery::globToRegex).toList(),
        query.excludedFiles().stream().map(SearchQuery::globToRegex).toList(),
        dates);
  }

  /** Applies the filter to one entry, as the store must: the reference for adapters and fakes alike. */
  public boolean accepts(String raw, String file, Set<java.time.LocalDate> mentioned) {
    String lower = raw.toLowerCase(Locale.ROOT);
    if (!requiredWords.stream().allMatch(lower::contains)
        || excludedWords.stream().anyMatch(lower::contains)) {
      return false;
    }
    if (!includedFilePatterns.isEmpty()
        && includedFilePatterns.stream()
            .noneMatch(p -> java.util.regex.Pattern.compile(p).matcher(file).find())) {
      return false;
    }
    if (excludedFilePatterns.stream()
        .anyMatch(p -> java.util.regex.Pattern.compile(p).matcher(file).find())) {
      return false;
    }
    return dates.isUnbounded() || mentioned.stream().anyMatch(dates::contains);
  }
}
