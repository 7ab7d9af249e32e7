package io.khoj4j.adapter.connector.out.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;

/**
 * The length of an Ogg Opus or Ogg Vorbis file from its pages: the last page's granule position counts the samples
 * played so far, and the first packet says the rate (Opus always 48 kHz, less its pre-skip; Vorbis in its header).
 */
final class OggDuration {

  private OggDuration() {}

  static Optional<Duration> of(byte[] b) {
    if (b.length < 28) {
      return Optional.empty();
    }
    int packet = 27 + (b[26] & 0xff);
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long rate;
    long preSkip = 0;
    if (ContainerAudioDuration.starts(b, packet, ContainerAudioDuration.ascii("OpusHead"))
        && b.length >= packet + 12) {
      rate = 48_000;
      preSkip = le.getShort(packet + 10) & 0xffff;
    } else if (b.length >= packet + 16
        && b[packet] == 1
        && ContainerAudioDuration.starts(b, packet + 1, ContainerAudioDuration.ascii("vorbis"))) {
      rate = le.getInt(packet + 12) & 0xffffffffL;
    } else {
      return Optional.empty();
    }
    for (int at = b.length - 27; at >= 0; at--) {
      if (b[at] == 'O'
          && b[at + 1] == 'g'
          && b[at + 2] == 'g'
          && b[at + 3] == 'S'
          && b[at + 4] == 0) {
        long granule = le.getLong(at + 6);
        if (granule <= 0 || rate <= 0) {
          return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.max(0, granule - preSkip) * 1000 / rate));
      }
    }
    return Optional.empty();
  }
}
