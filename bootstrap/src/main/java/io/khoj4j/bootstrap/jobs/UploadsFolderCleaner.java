package io.khoj4j.bootstrap.jobs;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Multipart uploads are written to a folder of this server's own ({@code quarkus.http.body.uploads-directory}) and
 * deleted when their request ends; a request that never ends (the process killed mid-upload) leaves its files behind.
 * At start and then hourly, on every replica (the folder is per host), files there older than an hour are deleted: no
 * upload request runs that long, so a live one is never touched.
 */
@ApplicationScoped
public class UploadsFolderCleaner {

  private static final Logger LOG = Logger.getLogger(UploadsFolderCleaner.class);
  static final Duration STALE_AFTER = Duration.ofHours(1);

  private final Path folder;
  private final Clock clock;

  public UploadsFolderCleaner(
      @ConfigProperty(name = "quarkus.http.body.uploads-directory") String folder, Clock clock) {
    this.folder = Path.of(folder);
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    clean();
  }

  @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void clean() {
    int removed = removeStale(folder, clock.instant().minus(STALE_AFTER));
    if (removed > 0) {
      LOG.infof("Removed %d upload files left by requests that never ended", removed);
    }
  }

  /** Deletes the regular files directly in {@code folder} last modified before {@code cutoff}; how many. */
  static int removeStale(Path folder, Instant cutoff) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
      for (Path file : files) {
        try {
          if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
              && Files.deleteIfExists(file)) {
            removed++;
          }
        } catch (IOException e) {
          LOG.debugf("cannot remove %s: %s", file, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return removed;
  }
}
