package io.khoj4j.application.port.in.voice;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Text being read aloud: checked, counted and already answered by the provider, with the audio still to come. The
 * caller writes it out as it arrives, or closes it unwritten.
 */
public interface SpokenAudio extends AutoCloseable {

  String mediaType();

  /**
   * Copies the audio to {@code out} as the provider sends it, piece after piece, then closes this.
   *
   * @throws IOException when the client or the provider breaks off
   * @throws io.khoj4j.application.error.UpstreamFailureException when a later piece is refused by the provider
   */
  void writeTo(OutputStream out) throws IOException;

  /** Lets the provider's connection go, when the audio will not be written. */
  @Override
  void close();
}
