package io.khoj4j.adapter.connector.out.audio;

import io.khoj4j.application.port.out.voice.AudioDuration;
import io.khoj4j.domain.voice.AudioClip;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.mp3.Mp3Parser;
import org.apache.tika.parser.mp4.MP4Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.jboss.logging.Logger;

/**
 * A recording's length from its container, never decoding audio. The format is told by its first bytes, not by what
 * the client declared: WebM/Matroska (what browsers record) and Ogg by their headers ({@link WebmDuration},
 * {@link OggDuration}); WAV, AIFF and AU by the JDK's {@code javax.sound} header readers; MP3 and MP4/M4A by Apache
 * Tika's audio parsers (MP3 frames are counted, MP4 reads its movie header). Anything else, or a header that does not
 * say, is unknown: the size limit still bounds it.
 */
public final class ContainerAudioDuration implements AudioDuration {

  private static final Logger LOG = Logger.getLogger(ContainerAudioDuration.class);

  @Override
  public Optional<Duration> of(AudioClip clip) {
    byte[] b = clip.bytes();
    try {
      if (starts(b, 0, new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3})) {
        return WebmDuration.of(b);
      }
      if (starts(b, 0, ascii("OggS"))) {
        return OggDuration.of(b);
      }
      if (starts(b, 0, ascii("RIFF"))
          || starts(b, 0, ascii("FORM"))
          || starts(b, 0, ascii(".snd"))) {
        return sampled(b);
      }
      if (starts(b, 4, ascii("ftyp"))) {
        return tika(new MP4Parser(), b);
      }
      if (starts(b, 0, ascii("ID3"))
          || b.length > 1 && (b[0] & 0xff) == 0xff && (b[1] & 0xe0) == 0xe0) {
        return tika(new Mp3Parser(), b);
      }
    } catch (RuntimeException | IOException e) {
      LOG.debugf("Could not read the length of %s: %s", clip.fileName(), e.toString());
    }
    return Optional.empty();
  }

  private static Optional<Duration> sampled(byte[] b) throws IOException {
    try {
      AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(b));
      float rate = format.getFormat().getFrameRate();
      long frames = format.getFrameLength();
      if (frames <= 0 || rate <= 0) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis((long) (frames * 1000.0 / rate)));
    } catch (UnsupportedAudioFileException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> tika(Parser parser, byte[] b) throws IOException {
    Metadata metadata = new Metadata();
    try (InputStream in = new ByteArrayInputStream(b)) {
      parser.parse(in, new BodyContentHandler(-1), metadata, new ParseContext());
    } catch (org.xml.sax.SAXException | org.apache.tika.exception.TikaException e) {
      return Optional.empty();
    }
    String value = metadata.get(XMPDM.DURATION);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    // Tika reports xmpDM:duration in seconds (a decimal).
    double seconds = Double.parseDouble(value.strip());
    return seconds > 0 ? Optional.of(Duration.ofMillis((long) (seconds * 1000))) : Optional.empty();
  }

  static boolean starts(byte[] b, int at, byte[] prefix) {
    if (b.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
