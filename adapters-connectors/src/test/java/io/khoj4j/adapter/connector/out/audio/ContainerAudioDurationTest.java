package io.khoj4j.adapter.connector.out.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.domain.voice.AudioClip;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lengths read from headers of recordings built here byte by byte, in each format clients send. */
class ContainerAudioDurationTest {

  private final ContainerAudioDuration durations = new ContainerAudioDuration();

  private Optional<Duration> of(byte[] bytes, String type) {
    return durations.of(new AudioClip("rec", type, bytes));
  }

  // ------------------------------------------------------------------ WebM, as browsers record it

  private static byte[] element(int id, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int shift = 24; shift >= 0; shift -= 8) {
      if ((id >>> shift) != 0 || shift == 0) {
        out.write((id >>> shift) & 0xff);
      }
    }
    out.write(0x01); // an 8-byte size: the marker, then 7 bytes
    out.writeBytes(
        java.util.Arrays.copyOfRange(ByteBuffer.allocate(8).putLong(body.length).array(), 1, 8));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] unknownSize(int id, byte[]... children) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
    out.writeBytes(new byte[] {
      0x01,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff
    });
    for (byte[] child : children) {
      out.writeBytes(child);
    }
    return out.toByteArray();
  }

  private static byte[] uint(long value, int bytes) {
    return java.util.Arrays.copyOfRange(
        ByteBuffer.allocate(8).putLong(value).array(), 8 - bytes, 8);
  }

  private static byte[] block(int relativeMs) {
    byte[] b = new byte[4 + 100];
    b[0] = (byte) 0x81; // track 1
    b[1] = (byte) (relativeMs >> 8);
    b[2] = (byte) relativeMs;
    b[3] = (byte) 0x80; // keyframe
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] header() {
    return element(0x1A45DFA3, element(0x4282, "webm".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aLiveRecordedWebmIsAsLongAsItsLastBlock() {
    byte[] info = element(0x1549A966, element(0x2AD7B1, uint(1_000_000, 3)));
    byte[] cluster1 = unknownSize(
        0x1F43B675,
        element(0xE7, uint(0, 1)),
        element(0xA3, block(0)),
        element(0xA3, block(20_000)));
    byte[] cluster2 =
        unknownSize(0x1F43B675, element(0xE7, uint(30_000, 2)), element(0xA3, block(12_500)));
    byte[] webm = concat(
        header(),
        unknownSize(0x18538067, info, element(0x1654AE6B, new byte[40]), cluster1, cluster2));

    assertThat(of(webm, "audio/webm;codecs=opus")).contains(Duration.ofMillis(42_500));
  }

  @Test
  void aWebmWithADeclaredDurationUsesIt() {
    byte[] info = element(
        0x1549A966,
        concat(
            element(0x2AD7B1, uint(1_000_000, 3)),
            element(0x4489, ByteBuffer.allocate(8).putDouble(754_000.0).array())));
    byte[] webm = concat(header(), unknownSize(0x18538067, info));

    assertThat(of(webm, "video/webm")).contains(Duration.ofSeconds(754));
  }

  @Test
  void aWebmCutOffAfterItsHeaderHasNoKnownLength() {
    assertThat(of(header(), "audio/webm")).isEmpty();
    assertThat(of(new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, 0x00}, "audio/webm"))
        .isEmpty();
  }

  // ------------------------------------------------------------------ Ogg Opus

  private static byte[] oggPage(long granule, byte[] packet) {
    ByteBuffer page = ByteBuffer.allocate(27 + 1 + packet.length).order(ByteOrder.LITTLE_ENDIAN);
    page.put("OggS".getBytes(StandardCharsets.US_ASCII))
        .put((byte) 0)
        .put((byte) 0)
        .putLong(granule)
        .putInt(1)
        .putInt(0)
        .putInt(0)
        .put((byte) 1)
        .put((byte) packet.length)
        .put(packet);
    return page.array();
  }

  @Test
  void anOggOpusIsAsLongAsItsLastGranuleLessThePreSkip() {
    ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
    head.put("OpusHead".getBytes(StandardCharsets.US_ASCII))
        .put((byte) 1)
        .put((byte) 1)
        .putShort((short) 312)
        .putInt(48_000)
        .putShort((short) 0)
        .put((byte) 0);
    byte[] ogg = concat(oggPage(0, head.array()), oggPage(48_000 * 65 + 312, new byte[50]));

    assertThat(of(ogg, "audio/ogg")).contains(Duration.ofSeconds(65));
  }

  // ------------------------------------------------------------------ WAV (javax.sound), MP3
  // (Tika)

  @Test
  void aWavHeaderSaysHowLongItPlays() {
    int data = 8000 * 90;
    ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(36 + data)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII))
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) 1)
        .putInt(8000)
        .putInt(8000)
        .putShort((short) 1)
        .putShort((short) 8);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);

    assertThat(of(b.array(), "audio/wav")).contains(Duration.ofSeconds(90));
  }

  @Test
  void anMp3IsAsLongAsItsFrames() {
    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames of 1152 samples each.
    ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
    for (int i = 0; i < 383; i++) {
      byte[] frame = new byte[417];
      frame[0] = (byte) 0xff;
      frame[1] = (byte) 0xfb;
      frame[2] = (byte) 0x90;
      frame[3] = (byte) 0x64;
      mp3.writeBytes(frame);
    }

    assertThat(of(mp3.toByteArray(), "audio/mpeg"))
        .hasValueSatisfying(
            d -> assertThat(d.toMillis()).as("383 × 1152 / 44100 s").isBetween(9_900L, 10_100L));
  }

  @Test
  void unknownFormatsAndRubbishHaveNoLength() {
    assertThat(of("not audio at all".getBytes(StandardCharsets.UTF_8), "audio/webm"))
        .isEmpty();
    assertThat(of(new byte[0], "audio/webm")).isEmpty();
    assertThat(of("RIFF....WAVEjunk".getBytes(StandardCharsets.US_ASCII), "audio/wav"))
        .isEmpty();
  }
}
