package io.khoj4j.adapter.connector.out.tika;

import java.util.ArrayList;
import java.util.List;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the text Tika emits, split into pages where the parser marks them ({@code <div class="page">} for PDF).
 * Block elements end lines, so paragraphs survive. Stops with Tika's write-limit signal past {@code maxCharacters}.
 * A page without text stays a page (an empty one), so pages keep their numbers. The document's head (a PDF's or
 * DOCX's title metadata) is not text of the document, except in a web page, whose title is.
 */
final class PageCollector extends DefaultHandler {

  private static final java.util.Set<String> BLOCKS = java.util.Set.of(
      "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "title", "pre", "td");

  private final int maxCharacters;
  private final boolean keepHead;
  private final List<String> pages = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private int total;
  private boolean limitReached;
  private boolean inHead;
  private boolean inPages;

  PageCollector(int maxCharacters, boolean keepHead) {
    this.maxCharacters = maxCharacters;
    this.keepHead = keepHead;
  }

  /** Whether the text passed the limit (parsers may wrap the signal in exceptions of their own). */
  boolean limitReached() {
    return limitReached;
  }

  List<String> pages() {
    List<String> all = new ArrayList<>(pages);
    if (inPages || !current.toString().isBlank() || all.isEmpty()) {
      all.add(clean(current.toString()));
    }
    return all;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    if ("head".equals(localName) && !keepHead) {
      inHead = true;
    } else if ("div".equals(localName) && "page".equals(atts.getValue("class"))) {
      flushPage();
      inPages = true;
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    if ("head".equals(localName)) {
      inHead = false;
      return;
    }
    if (inHead) {
      return;
    }
    if ("div".equals(localName) || BLOCKS.contains(localName)) {
      current.append('\n');
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    total += length;
    if (total > maxCharacters) {
      limitReached = true;
      throw new WriteLimitReachedException(maxCharacters);
    }
    if (!inHead) {
      current.append(ch, start, length);
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    characters(ch, start, length);
  }

  /** Ends a page: a blank one too, once pages have begun (text before the first page is kept only if there is any). */
  private void flushPage() {
    if (inPages || !current.toString().isBlank()) {
      pages.add(clean(current.toString()));
    }
    current.setLength(0);
  }

  private static String clean(String text) {
    return text.replace("\u0000", "")
        .replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }
}
