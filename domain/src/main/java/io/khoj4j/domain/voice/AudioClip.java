package io.khoj4j.domain.voice;

import java.util.Objects;

/** Recorded speech as a client sent it: the bytes, the file name and media type it gave (either may be empty). */
public record AudioClip(String fileName, String mediaType, byte[] bytes) {

  public AudioClip {
    fileName = fileName == null || fileName.isBlank() ? "audio.webm" : fileName;
    mediaType = mediaType == null ? "" : mediaType;
    Objects.requireNonNull(bytes, "bytes");
  }

  public long size() {
    return bytes.length;
  }
}
