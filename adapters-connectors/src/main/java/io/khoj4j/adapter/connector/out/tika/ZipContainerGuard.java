package io.khoj4j.adapter.connector.out.tika;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Inflates every part of a zip container (DOCX and the other OOXML formats are zips) into a discarded buffer before
 * Tika opens it, and stops at the first part that grows past the compression ratio, once the whole would pass the
 * size limit, or at an XML text run longer than the character limit (Tika's Word reader holds a run whole before
 * passing it on, so such a run — refused anyway — could otherwise fill the heap first). Nothing inflated is kept:
 * memory stays at one buffer whatever the file claims.
 *
 * <p>A zip can be read two ways, and a crafted one can show each a different set of parts: through its central
 * directory (POI's {@code ZipFile}, which Tika uses) and entry by entry from the start (the streaming reader Tika falls
 * back to for a damaged file). Both views are scanned, each with the same commons-compress classes POI and Tika use.
 */
final class ZipContainerGuard {

  /** Small parts may compress well (a part of repeated XML); the ratio counts only past this many bytes. */
  static final long GRACE_BYTES = 1 << 20;

  private final long maxExpandedBytes;
  private final int maxRatio;
  private final long maxTextRun;

  ZipContainerGuard(long maxExpandedBytes, int maxRatio, long maxTextRun) {
    this.maxExpandedBytes = maxExpandedBytes;
    this.maxRatio = maxRatio;
    this.maxTextRun = maxTextRun;
  }

  /** What the scan found; {@code bytesInflated} is how far it read, both views together, before deciding. */
  record Verdict(Optional<String> refusal, long bytesInflated) {}

  static boolean isZip(byte[] content) {
    return content.length >= 4
        && content[0] == 'P'
        && content[1] == 'K'
        && content[2] == 3
        && content[3] == 4;
  }

  Verdict inspect(byte[] content) {
    View central = new View();
    Optional<String> refusal;
    try {
      refusal = scanCentralDirectory(content, central);
    } catch (IOException | RuntimeException e) {
      // no readable central directory: Tika would salvage the file entry by entry, which the next
      // scan follows
      refusal = Optional.empty();
    }
    if (refusal.isPresent()) {
      return new Verdict(refusal, central.total);
    }
    View stream = new View();
    try {
      refusal = scanEntryByEntry(content, stream);
    } catch (IOException | RuntimeException e) {
      // the streaming view ends where it cannot go on; what it read was within the limits
      refusal = Optional.empty();
    }
    return new Verdict(refusal, central.total + stream.total);
  }

  private Optional<String> scanCentralDirectory(byte[] content, View view) throws IOException {
    try (ZipFile zip = ZipFile.builder()
        .setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
        .get()) {
      for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
        if (entry.isDirectory()) {
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          Optional<String> refusal = view.part(entry.getName(), in, compressedSoFar(in, entry));
          if (refusal.isPresent()) {
            return refusal;
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> scanEntryByEntry(byte[] content, View view) throws IOException {
    try (ZipArchiveInputStream zip =
        new ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true, true)) {
      ZipArchiveEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        Optional<String> refusal = view.part(entry.getName(), zip, compressedSoFar(zip, entry));
        if (refusal.isPresent()) {
          return refusal;
        }
      }
    }
    return Optional.empty();
  }

  /** Compressed bytes consumed so far by this part's stream (commons-compress counts them), else its declared size. */
  private static LongSupplier compressedSoFar(InputStream in, ZipArchiveEntry entry) {
    if (in instanceof InputStreamStatistics stats) {
      return () -> Math.max(1, stats.getCompressedCount());
    }
    long declared = Math.max(1, entry.getCompressedSize());
    return () -> declared;
  }

  /** One reading of the container: its running total and the checks on each part. */
  private final class View {
    long total;
    private final byte[] buffer = new byte[8192];

    Optional<String> part(String name, InputStream in, LongSupplier compressedSoFar)
        throws IOException {
      boolean xml = isXml(name);
      long inPart = 0;
      long run = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        inPart += n;
        total += n;
        if (total > maxExpandedBytes) {
          return Optional.of("unpacks to more than " + maxExpandedBytes + " bytes");
        }
        if (inPart > GRACE_BYTES && inPart / compressedSoFar.getAsLong() > maxRatio) {
          return Optional.of("a zip bomb: its part " + printable(name) + " unpacks to more than "
              + maxRatio + " times its compressed size");
        }
        if (xml) {
          for (int i = 0; i < n; i++) {
            run = buffer[i] == '<' ? 0 : run + 1;
          }
          if (run > maxTextRun) {
            return Optional.of("its part " + printable(name) + " has a text run longer than "
                + maxTextRun + " characters");
          }
        }
      }
      return Optional.empty();
    }
  }

  private static boolean isXml(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xml") || lower.endsWith(".rels");
  }

  private static String printable(String name) {
    String clean = name.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 100 ? clean.substring(0, 100) : clean;
  }
}
