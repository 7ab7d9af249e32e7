package io.khoj4j.application.port.out.voice;

import io.khoj4j.domain.voice.AudioClip;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers every clip with a fixed text and remembers the clips. */
public final class FakeSpeechToText implements SpeechToText {

  public final List<AudioClip> heard = new CopyOnWriteArrayList<>();
  private final String text;

  public FakeSpeechToText(String text) {
    this.text = text;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public String transcribe(AudioClip clip) {
    heard.add(clip);
    return text;
  }
}
