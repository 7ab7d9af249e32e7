package io.khoj4j.application.service.connector;

import io.khoj4j.application.port.in.connector.SyncReport.Outcome;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.connector.ConnectorException;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.connector.NotionWorkspace;
import io.khoj4j.application.port.out.connector.NotionWorkspace.Page;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One user's Notion sync: every page the token can read (database rows included); a page whose
 * {@code last_edited_time} is the one last indexed is not read again; pages no longer visible are deleted here.
 */
final class NotionSync {

  private final NotionWorkspace notion;
  private final ConnectorRepository connectors;
  private final ConnectorIndexer indexer;
  private final int batchSize;

  NotionSync(
      NotionWorkspace notion,
      ConnectorRepository connectors,
      ConnectorIndexer indexer,
      int batchSize) {
    this.notion = notion;
    this.connectors = connectors;
    this.indexer = indexer;
    this.batchSize = batchSize;
  }

  /** @throws ConnectorException when Notion refuses the token, rate-limits or fails: what was indexed stays */
  Outcome.Synced sync(
      UserId owner,
      String token,
      BiConsumer<Integer, Integer> progress,
      boolean force,
      java.util.Optional<Instant> lastSync) {
    Map<String, String> versions = connectors.versions(owner, ContentSource.NOTION);
    List<Page> pages = notion.pages(token);
    Set<String> listed = new HashSet<>();
    List<Page> changed = new ArrayList<>();
    int unchanged = 0;
    for (Page page : pages) {
      if (!listed.add(page.url())) {
        continue;
      }
      if (!force
          && version(page).equals(versions.get(page.url()))
          && !editedAround(page, lastSync)) {
        unchanged++;
      } else {
        changed.add(page);
      }
    }
    int total = changed.size();
    progress.accept(0, total);
    int skipped = 0;
    int indexed = 0;
    for (int from = 0; from < changed.size(); from += batchSize) {
      List<ConnectorIndexer.Item> batch = new ArrayList<>();
      for (Page page : changed.subList(from, Math.min(changed.size(), from + batchSize))) {
        List<NotionWorkspace.Block> blocks;
        try {
          blocks = notion.blocks(token, page.id());
        } catch (ConnectorException e) {
          // a page gone since the listing, or one whose blocks Notion refuses to serve (400), is
          // skipped: it keeps what was indexed of it and is tried again on the next sync, where a
          // failure of the token or of Notion itself stops the sync
          if (e.kind() != ConnectorException.Kind.NOT_FOUND
              && e.kind() != ConnectorException.Kind.MALFORMED) {
            throw e;
          }
          skipped++;
          continue;
        }
        byte[] markdown = NotionMarkdown.render(page, blocks).getBytes(StandardCharsets.UTF_8);
        batch.add(new ConnectorIndexer.Item(
            page.url(), version(page), new UploadedFile(page.url(), "text/markdown", markdown)));
      }
      indexer.index(owner, ContentSource.NOTION, batch);
      indexed += batch.size();
      progress.accept(Math.min(total, from + batchSize), total);
    }
    // Notion's search may leave a page out of one listing: a page is deleted only once Notion says
    // it is gone
    List<String> gone = versions.keySet().stream()
        .filter(url -> !listed.contains(url))
        .filter(url -> pageId(url).map(id -> !notion.stillShared(token, id)).orElse(true))
        .toList();
    indexer.delete(owner, ContentSource.NOTION, gone);
    return new Outcome.Synced(indexed, gone.size(), unchanged, skipped);
  }

  /**
   * Notion rounds a page's {@code last_edited_time} down to the minute: a page edited again within the minute of the
   * last sync keeps its version. A page edited within two minutes of that sync is read again.
   */
  private static boolean editedAround(Page page, java.util.Optional<Instant> lastSync) {
    return page.lastEdited() != null
        && lastSync.isPresent()
        && !page.lastEdited().isBefore(lastSync.get().minus(java.time.Duration.ofMinutes(2)));
  }

  /** The page id at the end of a Notion page URL ({@code .../Trip-to-Lisbon-5983...0768a5}). */
  static java.util.Optional<String> pageId(String url) {
    java.util.regex.Matcher m = PAGE_ID.matcher(url);
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  private static final java.util.regex.Pattern PAGE_ID =
      java.util.regex.Pattern.compile("([0-9a-fA-F]{32})(?:[?#].*)?$");

  private static String version(Page page) {
    return page.lastEdited() == null ? "" : page.lastEdited().toString();
  }
}
