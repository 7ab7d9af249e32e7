package io.khoj4j.adapter.connector.out.web.read;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A web page's readable text as Markdown: jsoup parses the HTML (a browser's rules, any charset), page furniture
 * (scripts, styles, navigation, headers, footers, forms, asides) is dropped, and the main content ({@code main},
 * else {@code article}, else {@code body}) is written as headings, paragraphs, lists, links, emphasis, code, quotes
 * and table rows. Images are left out, as Khoj's readers do.
 */
public final class HtmlText {

  private static final Set<String> DROPPED = Set.of(
      "script",
      "style",
      "noscript",
      "template",
      "svg",
      "canvas",
      "iframe",
      "object",
      "embed",
      "nav",
      "header",
      "footer",
      "aside",
      "form",
      "button",
      "select",
      "input",
      "textarea",
      "img",
      "picture",
      "video",
      "audio",
      "map",
      "head",
      "dialog");
  private static final Set<String> BLOCKS = Set.of(
      "p",
      "div",
      "section",
      "article",
      "main",
      "body",
      "figure",
      "figcaption",
      "details",
      "summary",
      "address",
      "dl",
      "dd",
      "dt",
      "center",
      "fieldset",
      "caption");

  private HtmlText() {}

  /** The page as Markdown; {@code charset} may be null (then the page's meta tag or UTF-8). */
  public static String markdown(byte[] html, String charset, String baseUri) {
    try {
      return markdown(Jsoup.parse(new java.io.ByteArrayInputStream(html), charset, baseUri));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static String markdown(String html, String baseUri) {
    return markdown(Jsoup.parse(html, baseUri));
  }

  private static String markdown(Document doc) {
    String title = doc.title().strip();
    doc.select(String.join(",", DROPPED)).remove();
    doc.select("[hidden], [aria-hidden=true], [role=navigation]").remove();
    Element root = doc.selectFirst("main");
    if (root == null) {
      root = doc.selectFirst("article");
    }
    if (root == null) {
      root = doc.body();
    }
    StringBuilder out = new StringBuilder();
    if (!title.isEmpty() && root.selectFirst("h1") == null) {
      out.append("# ").append(title).append("\n\n");
    }
    children(root, out, 0);
    return tidy(out.toString());
  }

  private static void children(Element element, StringBuilder out, int depth) {
    for (Node child : element.childNodes()) {
      node(child, out, depth);
    }
  }

  private static void node(Node node, StringBuilder out, int depth) {
    if (node instanceof TextNode text) {
      String t = text.text().replaceAll("\\s+", " ");
      boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
      if (lineStart) {
        t = t.stripLeading();
      }
      if (!t.isBlank()) {
        out.append(t);
      } else if (!lineStart && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
      return;
    }
    if (!(node instanceof Element e)) {
      return;
    }
    String tag = e.normalName();
    switch (tag) {
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        String heading = inline(e);
        if (!heading.isBlank()) {
          out.append("\n\n")
              .append("#".repeat(tag.charAt(1) - '0'))
              .append(' ')
              .append(heading)
              .append("\n\n");
        }
      }
      case "br" -> out.append("\n");
      case "hr" -> out.append("\n\n---\n\n");
      case "a" -> {
        String text = inline(e);
        String href = e.absUrl("href");
        if (text.isBlank()) {
          return;
        }
        if (href.toLowerCase(Locale.ROOT).startsWith("http")) {
          out.append('[').append(text).append("](").append(href).append(')');
        } else {
          out.append(text);
        }
      }
      case "strong", "b" -> wrap(e, out, "**");
      case "em", "i" -> wrap(e, out, "*");
      case "code", "kbd", "samp" -> {
        String code = e.text();
        if (!code.isBlank()) {
          out.append('`').append(code).append('`');
        }
      }
      case "pre" -> out.append("\n\n```\n").append(e.wholeText().strip()).append("\n```\n\n");
      case "ul", "ol" -> {
        out.append("\n\n");
        int n = 1;
        for (Element li : e.children()) {
          if (!li.normalName().equals("li")) {
            continue;
          }
          StringBuilder item = new StringBuilder();
          children(li, item, depth + 1);
          String text = tidy(item.toString()).replace("\n", "\n" + "  ".repeat(depth + 1));
          if (!text.isBlank()) {
            out.append("  ".repeat(depth))
                .append(tag.equals("ol") ? (n++) + ". " : "- ")
                .append(text)
                .append('\n');
          }
        }
        out.append('\n');
      }
      case "blockquote" -> {
        StringBuilder quote = new StringBuilder();
        children(e, quote, depth);
        String text = tidy(quote.toString());
        if (!text.isBlank()) {
          out.append("\n\n> ").append(text.replace("\n", "\n> ")).append("\n\n");
        }
      }
      case "table" -> {
        out.append("\n\n");
        for (Element row : e.select("tr")) {
          StringBuilder line = new StringBuilder();
          for (Element cell : row.select("th, td")) {
            line.append(line.isEmpty() ? "| " : " | ").append(inline(cell));
          }
          if (!line.isEmpty()) {
            out.append(line).append(" |\n");
          }
        }
        out.append('\n');
      }
      case "li" -> {
        out.append("\n- ");
        children(e, out, depth);
      }
      default -> {
        boolean block = BLOCKS.contains(tag);
        if (block) {
          out.append("\n\n");
        }
        children(e, out, depth);
        if (block) {
          out.append("\n\n");
        }
      }
    }
  }

  private static void wrap(Element e, StringBuilder out, String mark) {
    String text = inline(e);
    if (!text.isBlank()) {
      out.append(mark).append(text).append(mark);
    }
  }

  private static String inline(Element e) {
    StringBuilder out = new StringBuilder();
    children(e, out, 0);
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  private static String tidy(String text) {
    return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }
}
