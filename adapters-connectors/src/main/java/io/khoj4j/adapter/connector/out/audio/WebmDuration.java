package io.khoj4j.adapter.connector.out.audio;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * The length of a WebM/Matroska file from its EBML structure, audio untouched. The segment's {@code Duration} is used
 * when written; browsers' MediaRecorder writes none (it records live), so otherwise the last block's time is taken:
 * each cluster carries its start time and each block its offset from it. Only element headers and those few numbers
 * are read; every other element is skipped by its size.
 */
final class WebmDuration {

  private static final long SEGMENT = 0x18538067L;
  private static final long CLUSTER = 0x1F43B675L;
  private static final long BLOCK_GROUP = 0xA0L;
  private static final long INFO = 0x1549A966L;
  private static final long TIMECODE_SCALE = 0x2AD7B1L;
  private static final long DURATION = 0x4489L;
  private static final long CLUSTER_TIMECODE = 0xE7L;
  private static final long SIMPLE_BLOCK = 0xA3L;
  private static final long BLOCK = 0xA1L;
  private static final long UNKNOWN = -1;

  private WebmDuration() {}

  static Optional<Duration> of(byte[] b) {
    long scale = 1_000_000; // nanoseconds per timecode unit, Matroska's default
    double declared = 0;
    long clusterTime = 0;
    long last = -1;
    int at = 0;
    while (at < b.length) {
      long[] id = vint(b, at, false);
      if (id == null) {
        break;
      }
      long[] size = vint(b, at + (int) id[1], true);
      if (size == null) {
        break;
      }
      int body = at + (int) id[1] + (int) size[1];
      long element = id[0];
      if (element == SEGMENT || element == CLUSTER || element == BLOCK_GROUP || element == INFO) {
        at = body; // a container: read its children in turn (its size may be unknown while
        // recording)
        continue;
      }
      if (size[0] == UNKNOWN || body + size[0] > b.length) {
        break;
      }
      int length = (int) size[0];
      if (element == TIMECODE_SCALE) {
        scale = uint(b, body, length);
      } else if (element == DURATION) {
        declared = length == 4
            ? ByteBuffer.wrap(b, body, 4).getFloat()
            : ByteBuffer.wrap(b, body, 8).getDouble();
      } else if (element == CLUSTER_TIMECODE) {
        clusterTime = uint(b, body, length);
      } else if (element == SIMPLE_BLOCK || element == BLOCK) {
        long[] track = vint(b, body, true);
        if (track != null && length >= track[1] + 2) {
          int offset = body + (int) track[1];
          short relative = (short) (((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff));
          last = Math.max(last, clusterTime + relative);
        }
      }
      at = body + length;
    }
    if (declared > 0) {
      return Optional.of(Duration.ofNanos((long) (declared * scale)));
    }
    return last >= 0 ? Optional.of(Duration.ofNanos(last * scale)) : Optional.empty();
  }

  /**
   * An EBML variable-length integer at {@code at}: {value, length in bytes}; for a size the length marker is removed
   * and all-ones means unknown; an id keeps its marker. Null when malformed or cut off.
   */
  static long[] vint(byte[] b, int at, boolean size) {
    if (at >= b.length) {
      return null;
    }
    int first = b[at] & 0xff;
    int length = Integer.numberOfLeadingZeros(first) - 23;
    if (first == 0 || length > 8 || at + length > b.length) {
      return null;
    }
    long value = size ? first & (0xff >> length) : first;
    boolean allOnes = value == (0xff >> length);
    for (int i = 1; i < length; i++) {
      int next = b[at + i] & 0xff;
      allOnes &= next == 0xff;
      value = (value << 8) | next;
    }
    return new long[] {size && allOnes ? UNKNOWN : value, length};
  }

  private static long uint(byte[] b, int at, int length) {
    long value = 0;
    for (int i = 0; i < length; i++) {
      value = (value << 8) | (b[at + i] & 0xff);
    }
    return value;
  }
}
