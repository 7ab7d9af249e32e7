package io.khoj4j.domain.content;

import java.util.Objects;

/**
 * A unit of a document before chunking (Khoj's "entry"): a heading section of a note, a page of a PDF, a whole
 * plain-text file. {@code compiled} is the text that gets embedded (it names the file, so the file is searchable);
 * {@code raw} is what search results show.
 */
public record Section(String raw, String compiled, String heading, String file, String uri) {

  public Section {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(compiled, "compiled");
    Objects.requireNonNull(file, "file");
    heading = heading == null ? "" : heading;
    uri = uri == null ? Uris.forFile(file) : uri;
  }
}
