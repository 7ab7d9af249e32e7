package io.khoj4j.application.service.content;

import io.khoj4j.application.service.content.FileParser.Parsed;
import io.khoj4j.domain.content.Chunk;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import java.util.Map;

/** A parsed file of an upload with its chunks by hash (duplicates within the file dropped). */
record FileChunks(Parsed.Sections file, Map<ContentHash, Chunk> chunks, ContentSource source) {

  String name() {
    return file.name();
  }

  /** Connector content is stored under the connector's type (Khoj's {@code github}, {@code notion}). */
  ContentType storedType() {
    return switch (source) {
      case COMPUTER -> file.type();
      case GITHUB -> ContentType.GITHUB;
      case NOTION -> ContentType.NOTION;
    };
  }
}
