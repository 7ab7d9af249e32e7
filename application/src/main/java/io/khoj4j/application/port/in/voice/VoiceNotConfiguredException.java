package io.khoj4j.application.port.in.voice;

/** The server has no speech-to-text (or text-to-speech) provider configured: the feature is off, not failing. */
public final class VoiceNotConfiguredException extends RuntimeException {

  public VoiceNotConfiguredException(String message) {
    super(message);
  }
}
