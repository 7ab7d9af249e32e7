package io.khoj4j.application.service.connector;

import io.khoj4j.application.port.in.content.ConnectorRemovedException;
import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.IndexContentUseCase;
import io.khoj4j.application.port.in.content.SyncMode;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands a connector's files to the indexing use case (same processors, chunking, embedding and per-file atomic
 * replace as uploads) and remembers, after each batch, the version of every item it indexed: a crash or a rate limit
 * part way through loses at most one batch, and the next sync resumes where this one stopped. A source its owner
 * removed while it synced gets no further file ({@link ConnectorRemovedException}): each file's transaction holds the
 * connector, so the removal either waits for the file and deletes it, or comes first and the file is not written.
 */
final class ConnectorIndexer {

  /** One item to index: its key (the URL it is stored under), the version it is at, and its content. */
  record Item(String key, String version, UploadedFile file) {}

  private final IndexContentUseCase indexContent;
  private final ConnectorRepository connectors;

  ConnectorIndexer(IndexContentUseCase indexContent, ConnectorRepository connectors) {
    this.indexContent = indexContent;
    this.connectors = connectors;
  }

  /** Before a batch is read and embedded: a source removed meanwhile gets no further work. */
  private void requireConfigured(UserId owner, ContentSource source) {
    // the settings, not the token: clearing a Notion token keeps the connection and what it indexed
    if (!connectors.hasConnector(owner, source)) {
      throw new ConnectorRemovedException(source);
    }
  }

  void index(UserId owner, ContentSource source, List<Item> batch) {
    if (batch.isEmpty()) {
      return;
    }
    requireConfigured(owner, source);
    List<UploadedFile> files = batch.stream().map(Item::file).toList();
    // each file is written holding the connector: a removal racing this batch takes all of it
    indexContent.index(IndexContentCommand.whileConnected(owner, files, source));
    Map<String, String> versions = new LinkedHashMap<>();
    batch.forEach(i -> versions.put(i.key(), i.version()));
    connectors.saveVersions(owner, source, versions);
  }

  /** Deletes the items' entries and forgets their versions. */
  void delete(UserId owner, ContentSource source, Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    requireConfigured(owner, source);
    List<UploadedFile> deletions = new ArrayList<>();
    keys.forEach(k -> deletions.add(new UploadedFile(k, null, new byte[0])));
    indexContent.index(new IndexContentCommand(
        owner, deletions, SyncMode.INCREMENTAL, java.util.Optional.empty(), source));
    connectors.deleteVersions(owner, source, keys);
  }
}
