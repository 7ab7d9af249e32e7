package io.khoj4j.application.port.in.connector;

import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Sync the owner's connectors among {@code sources} (GitHub, Notion) that are configured; {@code force} reads every
 * file and page again, changed or not (Khoj's {@code force=true}).
 */
public record SyncConnectorsCommand(UserId owner, Set<ContentSource> sources, boolean force) {

  /** Reads only what changed since the last sync. */
  public SyncConnectorsCommand(UserId owner, Set<ContentSource> sources) {
    this(owner, sources, false);
  }

  public SyncConnectorsCommand {
    Objects.requireNonNull(owner, "owner");
    sources = sources.isEmpty() ? EnumSet.noneOf(ContentSource.class) : EnumSet.copyOf(sources);
    sources.remove(ContentSource.COMPUTER);
    sources = Set.copyOf(sources);
  }

  public static SyncConnectorsCommand all(UserId owner) {
    return new SyncConnectorsCommand(owner, EnumSet.of(ContentSource.GITHUB, ContentSource.NOTION));
  }
}
