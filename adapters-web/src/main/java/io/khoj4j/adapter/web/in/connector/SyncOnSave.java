package io.khoj4j.adapter.web.in.connector;

import io.khoj4j.application.port.in.connector.SyncConnectorsCommand;
import io.khoj4j.application.port.in.connector.SyncConnectorsUseCase;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts a sync of the source whose settings were just saved, after the answer, as Khoj does when a Notion token is
 * saved or its OAuth flow completes (and here for GitHub settings too). The sync records its progress and any failure
 * in the source's state, which {@code /api/settings} shows; a sync of that source already running is left alone.
 * {@code khoj.connectors.sync-on-save=false} leaves syncing to the button, {@code /api/update} and the schedule.
 */
@ApplicationScoped
public class SyncOnSave {

  private static final Logger LOG = Logger.getLogger(SyncOnSave.class);

  private final SyncConnectorsUseCase sync;
  private final boolean enabled;

  public SyncOnSave(
      SyncConnectorsUseCase sync,
      @ConfigProperty(name = "khoj.connectors.sync-on-save", defaultValue = "true")
          boolean enabled) {
    this.sync = sync;
    this.enabled = enabled;
  }

  void start(UserId owner, ContentSource source) {
    if (!enabled) {
      return;
    }
    Thread.ofVirtual().name("sync-on-save-" + source.wireName()).start(() -> {
      try {
        sync.sync(new SyncConnectorsCommand(owner, EnumSet.of(source)));
      } catch (RuntimeException e) {
        LOG.errorf(e, "Sync of %s after its settings were saved failed", source.wireName());
      }
    });
  }
}
