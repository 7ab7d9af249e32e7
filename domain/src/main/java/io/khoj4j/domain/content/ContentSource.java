package io.khoj4j.domain.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a file came from: pushed by a client ("computer") or pulled by a connector. */
public enum ContentSource {
  COMPUTER("computer"),
  GITHUB("github"),
  NOTION("notion");

  private final String wireName;

  ContentSource(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ContentSource> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.wireName.equals(wanted)).findFirst();
  }
}
