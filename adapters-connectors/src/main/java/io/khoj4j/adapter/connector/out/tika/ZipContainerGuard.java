package io.khoj4j.adapter.connector.out.tika;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Streams through a zip container (DOCX and the other OOXML formats are zips) before Tika opens it, counting the
 * bytes each part inflates to, and stops at the first part that inflates past the ratio or once the whole would pass
 * the size limit. In XML parts it also measures the longest stretch of text between two tags: Tika's Word reader
 * holds one text run whole before passing it on, so a run longer than the character limit (which would be refused
 * anyway) is refused here, before it can fill the heap. Nothing inflated is kept: memory stays at one buffer whatever
 * the file claims.
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

  /** What the scan found; {@code bytesInflated} is how far it read before deciding. */
  record Verdict(Optional<String> refusal, long bytesInflated) {}

  static boolean isZip(byte[] content) {
    return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
  }

  Verdict inspect(byte[] content) {
    CountingStream raw = new CountingStream(new ByteArrayInputStream(content));
    long total = 0;
    byte[] buffer = new byte[8192];
    try (ZipInputStream zip = new ZipInputStream(raw)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        long rawAtStart = raw.count;
        long inEntry = 0;
        boolean xml = isXml(entry.getName());
        long run = 0;
        int n;
        while ((n = zip.read(buffer)) > 0) {
          inEntry += n;
          total += n;
          if (xml) {
            for (int i = 0; i < n; i++) {
              run = buffer[i] == '<' ? 0 : run + 1;
            }
            if (run > maxTextRun) {
              return new Verdict(Optional.of("its part " + printable(entry.getName()) + " has a text run longer than "
                  + maxTextRun + " characters"), total);
            }
          }
          if (total > maxExpandedBytes) {
            return new Verdict(Optional.of("unpacks to more than " + maxExpandedBytes + " bytes"), total);
          }
          long compressed = Math.max(1, raw.count - rawAtStart);
          if (inEntry > GRACE_BYTES && inEntry / compressed > maxRatio) {
            return new Verdict(Optional.of("a zip bomb: its part " + printable(entry.getName())
                + " unpacks to more than " + maxRatio + " times its compressed size"), total);
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // a zip this scan cannot follow (e.g. stored parts with data descriptors) is left to Tika, whose streaming
      // reader is still held by the character limit
      return new Verdict(Optional.empty(), total);
    }
    return new Verdict(Optional.empty(), total);
  }

  private static boolean isXml(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".xml") || lower.endsWith(".rels");
  }

  private static String printable(String name) {
    String clean = name.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 100 ? clean.substring(0, 100) : clean;
  }

  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
