package io.khoj4j.domain.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of document an entry came from. The wire names are Khoj's. */
public enum ContentType {
  ORG("org"),
  MARKDOWN("markdown"),
  PDF("pdf"),
  PLAINTEXT("plaintext"),
  IMAGE("image"),
  DOCX("docx"),
  GITHUB("github"),
  NOTION("notion");

  private final String wireName;

  ContentType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ContentType> fromWire(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wanted)).findFirst();
  }

  /** Types whose source bytes are text (decoded as UTF-8 unless a charset says otherwise). */
  public boolean isText() {
    return this == ORG || this == MARKDOWN || this == PLAINTEXT;
  }
}
