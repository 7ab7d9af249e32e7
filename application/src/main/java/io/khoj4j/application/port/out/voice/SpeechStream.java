package io.khoj4j.application.port.out.voice;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Speech as the provider sends it: its media type and the audio, read as it arrives. The provider has answered with
 * success when this exists; a failure later in the body surfaces as an {@link IOException} while reading. Close it to
 * let the connection go.
 */
public record SpeechStream(String mediaType, InputStream audio) implements Closeable {

  public SpeechStream {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(audio, "audio");
  }

  @Override
  public void close() throws IOException {
    audio.close();
  }
}
