package io.khoj4j.application.service.connector;

import io.khoj4j.application.port.out.connector.NotionWorkspace.Block;
import io.khoj4j.application.port.out.connector.NotionWorkspace.Page;
import java.util.List;

/**
 * A Notion page as markdown, so the markdown processor splits it at its headings and every chunk carries the page
 * title and the heading it sits under. Nested blocks follow their parent, indented, to any depth.
 */
final class NotionMarkdown {

  private NotionMarkdown() {}

  static String render(Page page, List<Block> blocks) {
    StringBuilder out = new StringBuilder();
    out.append("# ")
        .append(page.title().isBlank() ? "Untitled" : oneLine(page.title()))
        .append("\n\n");
    for (String property : page.properties()) {
      out.append(property).append("\n");
    }
    if (!page.properties().isEmpty()) {
      out.append("\n");
    }
    for (Block block : blocks) {
      append(out, block, "");
    }
    return out.toString();
  }

  private static void append(StringBuilder out, Block block, String indent) {
    String text = block.text();
    switch (block.type()) {
      // page headings sit one level under the page title
      case "heading_1" -> out.append("\n## ").append(oneLine(text)).append("\n\n");
      case "heading_2" -> out.append("\n### ").append(oneLine(text)).append("\n\n");
      case "heading_3" -> out.append("\n#### ").append(oneLine(text)).append("\n\n");
      case "bulleted_list_item", "toggle" -> line(out, indent, "- ", text);
      case "numbered_list_item" -> line(out, indent, "1. ", text);
      case "to_do" -> line(out, indent, "- ", text);
      case "quote", "callout" -> line(out, indent, "> ", text);
      case "code" ->
        out.append(indent)
            .append("```\n")
            .append(text)
            .append("\n")
            .append(indent)
            .append("```\n");
      case "divider" -> out.append("\n");
      default -> {
        if (!text.isBlank()) {
          line(out, indent, "", text);
          out.append("\n");
        }
      }
    }
    for (Block child : block.children()) {
      append(out, child, indent + "  ");
    }
  }

  private static void line(StringBuilder out, String indent, String marker, String text) {
    if (text.isBlank()) {
      return;
    }
    // a line of the block's text that starts with '#' would read as a heading: escape it
    String body = text.replace("\n", "\n" + indent + " ".repeat(marker.length()));
    if (body.startsWith("#")) {
      body = "\\" + body;
    }
    out.append(indent).append(marker).append(body).append("\n");
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').strip();
  }
}
