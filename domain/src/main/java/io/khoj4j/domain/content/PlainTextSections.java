package io.khoj4j.domain.content;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text and extracted documents. A text file is one section ({@code compiled} = path + text); a paged document
 * (PDF, DOCX, OCR'd image) is one section per page. Chunks of these keep their own text as {@code raw}.
 */
public final class PlainTextSections {

  private PlainTextSections() {}

  public static List<Section> of(String file, String text) {
    if (text.isBlank()) {
      return List.of();
    }
    return List.of(new Section(text, file + "\n" + text, file, file, Uris.forFile(file)));
  }

  public static List<Section> ofPages(String file, List<String> pages) {
    List<Section> sections = new ArrayList<>();
    for (String page : pages) {
      if (!page.isBlank()) {
        sections.add(new Section(page, file + "\n" + page, file + "\n", file, Uris.forFile(file)));
      }
    }
    return sections;
  }

  /** The whole text of a paged document for the file record: plain text with page markers. */
  public static String joinPages(String file, List<String> pages) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pages.size(); i++) {
      if (i > 0) {
        sb.append("\n\n");
      }
      sb.append("Page ")
          .append(i + 1)
          .append(" of ")
          .append(file)
          .append(":\n\n")
          .append(pages.get(i).strip());
    }
    return sb.toString();
  }
}
