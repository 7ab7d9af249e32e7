package io.khoj4j.application.port.out.connector;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Reads a Notion workspace. Every method throws {@link ConnectorException} when Notion refuses or fails. */
public interface NotionWorkspace {

  /**
   * A page the integration can see (a database row is a page too): its id, link, title, when it last changed, and its
   * other properties as "name: value" lines (database columns).
   */
  record Page(String id, String url, String title, Instant lastEdited, List<String> properties) {
    public Page {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(url, "url");
      title = title == null ? "" : title;
      properties = List.copyOf(properties);
    }
  }

  /** A block with its plain text (links kept as markdown) and its nested blocks. */
  record Block(String type, String text, List<Block> children) {
    public Block {
      text = text == null ? "" : text;
      children = List.copyOf(children);
    }
  }

  /** Every page the token may read. */
  List<Page> pages(String token);

  /** A page's blocks, nested blocks included, every page of results followed. */
  List<Block> blocks(String token, String pageId);

  /**
   * Whether the page still exists for the token: shared with it, neither archived nor in the trash. Asked before a
   * page missing from a listing is deleted, since Notion's search does not promise to list every page every time.
   */
  boolean stillShared(String token, String pageId);

  /** Exchanges an OAuth authorization code for an access token. */
  String exchangeCode(String code);
}
