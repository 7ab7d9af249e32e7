package io.khoj4j.adapter.connector.out.tika;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code khoj.content.extraction.*}: how much one uploaded document may cost to read. Every limit is checked while
 * the document streams (or, for images, from the header before any pixel is decoded), so a hostile file is stopped
 * early rather than measured after it has filled the heap.
 */
@ConfigMapping(prefix = "khoj.content.extraction")
public interface ExtractionSettings {

  /** Characters of text one document may yield; past it the document is refused. */
  @WithDefault("20000000")
  int maxCharacters();

  /** Bytes a zip container (DOCX, XLSX, …) may unpack to, all its parts together. */
  @WithDefault("256M")
  MemorySize maxExpandedSize();

  /** How many times larger than its compressed form one part of a zip container may become (past its first MiB). */
  @WithDefault("100")
  int maxCompressionRatio();

  /** Pixels (width × height, read from the header) an image may have to be OCR'd. */
  @WithDefault("50000000")
  long maxPixels();

  /** CPU time the reading thread may spend on one document. */
  @WithDefault("60s")
  Duration cpuTime();

  /** Wall-clock ceiling per document, waiting for a free reader included; also Tesseract's own time limit. */
  @WithDefault("120s")
  Duration timeout();

  /** Documents read at once; default half the processors (at least one), so searches keep the rest. */
  Optional<Integer> threads();

  default int threadCount() {
    return threads()
        .filter(n -> n > 0)
        .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }
}
