package io.khoj4j.application.port.out.content;

import io.khoj4j.domain.content.ContentType;
import java.util.Optional;

/**
 * Reads documents the core cannot parse itself: PDF and DOCX into pages, images through OCR, HTML/XML into text;
 * and recognises a file's type from its bytes when the client did not say.
 */
public interface DocumentReader {

  /** The type of a file by its content (and name), or empty when it is not something khoj4j indexes. */
  Optional<ContentType> sniff(String fileName, byte[] content);

  /** Pages of text of a PDF, DOCX or image; a single "page" for formats without pages. */
  Extraction extract(String fileName, ContentType type, byte[] content);

  /** Visible text of an HTML or XML document. */
  Extraction extractMarkup(String fileName, byte[] content);
}
