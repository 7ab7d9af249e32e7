package io.khoj4j.application.port.in.content;

/** {@code PUT /api/content} regenerates, {@code PATCH} syncs incrementally. */
public enum SyncMode {
  /** The upload is the whole truth for each type it contains: other files of those types are removed. */
  REGENERATE,
  /** Only the uploaded files change. */
  INCREMENTAL
}
