package io.khoj4j.application.port.out.content;

import java.util.List;

/** What came out of reading a document. */
public sealed interface Extraction {

  record Pages(List<String> pages) implements Extraction {
    public Pages {
      pages = List.copyOf(pages);
    }
  }

  /** The document is damaged, encrypted, too large when unpacked, or otherwise unreadable. */
  record Unreadable(String reason) implements Extraction {}

  /** This server cannot read this kind of file (e.g. images without Tesseract installed). */
  record Unsupported(String reason) implements Extraction {}
}
