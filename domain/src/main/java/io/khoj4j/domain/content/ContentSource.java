package io.khoj4j.domain.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a file came from: pushed by a client ("computer") or pulled by a connector. */
public enum ContentSource {
  COMPUTER("computer"),
  GITHUB("github"),
  NOTION("notion");

  /** Read for every candidate row of every search: a lookup that allocates nothing. */
  private static final Map<String, Optional<ContentSource>> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(s -> s.wireName, Optional::of));

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
    return BY_WIRE_NAME.getOrDefault(name.strip().toLowerCase(Locale.ROOT), Optional.empty());
  }
}
