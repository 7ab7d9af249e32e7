package io.khoj4j.application.service.content;

/**
 * Bounds on what one upload may hold. Khoj's clients read 429 as "out of space", so a request over the limits is
 * refused whole with 429; a single file over {@code maxFileBytes} is skipped (not echoed) and the rest indexed.
 *
 * @param maxIndexedBytesPerUser total compiled text a user may keep indexed; 0 = unlimited
 */
public record IndexingLimits(
    long maxRequestBytes,
    long maxFileBytes,
    long maxIndexedBytesPerUser,
    int maxWordsPerChunk,
    int embedBatchSize) {

  public IndexingLimits {
    if (maxRequestBytes <= 0 || maxFileBytes <= 0 || maxIndexedBytesPerUser < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (embedBatchSize < 1) {
      throw new IllegalArgumentException("embed batch size must be at least 1");
    }
  }

  public static IndexingLimits defaults() {
    return new IndexingLimits(100L << 20, 50L << 20, 0, 256, 32);
  }
}
