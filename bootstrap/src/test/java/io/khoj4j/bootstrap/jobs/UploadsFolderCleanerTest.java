package io.khoj4j.bootstrap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("faults")
class UploadsFolderCleanerTest {

  @TempDir
  Path folder;

  @Test
  void filesLeftByKilledRequestsGoAndLiveOnesStay() throws Exception {
    Instant now = Instant.parse("2026-12-04T12:00:00Z");
    Path left = Files.writeString(folder.resolve("left-by-a-killed-request"), "x");
    Files.setLastModifiedTime(left, FileTime.from(now.minus(Duration.ofHours(3))));
    Path live = Files.writeString(folder.resolve("being-uploaded"), "y");
    Files.setLastModifiedTime(live, FileTime.from(now.minus(Duration.ofMinutes(5))));
    Path sub = Files.createDirectory(folder.resolve("someone-elses"));
    Files.setLastModifiedTime(sub, FileTime.from(now.minus(Duration.ofDays(3))));

    int removed =
        UploadsFolderCleaner.removeStale(folder, now.minus(UploadsFolderCleaner.STALE_AFTER));

    assertThat(removed).isEqualTo(1);
    assertThat(left).doesNotExist();
    assertThat(live).exists();
    assertThat(sub).exists();
  }

  @Test
  void aMissingFolderIsNothingToClean() {
    assertThat(UploadsFolderCleaner.removeStale(folder.resolve("absent"), Instant.now()))
        .isZero();
  }
}
