package io.khoj4j.application.port.out.content;

import io.khoj4j.domain.content.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Fake: a "PDF" is UTF-8 text whose pages are separated by form feeds, starting with {@code %PDF}; anything starting
 * with {@code %BROKEN} is unreadable. Text sniffs as plain text.
 */
public final class FakeDocumentReader implements DocumentReader {

  @Override
  public Optional<ContentType> sniff(String fileName, byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("%PDF")) {
      return Optional.of(ContentType.PDF);
    }
    return text.chars().anyMatch(c -> c == 0)
        ? Optional.empty()
        : Optional.of(ContentType.PLAINTEXT);
  }

  @Override
  public Extraction extract(String fileName, ContentType type, byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (!text.startsWith("%PDF")) {
      return new Extraction.Unreadable("not a PDF");
    }
    return new Extraction.Pages(List.of(text.substring(4).split("\f")));
  }

  @Override
  public Extraction extractMarkup(String fileName, byte[] content) {
    return new Extraction.Pages(
        List.of(new String(content, StandardCharsets.UTF_8).replaceAll("<[^>]+>", "")));
  }
}
