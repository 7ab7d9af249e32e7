package io.khoj4j.application.port.in.content;

import java.util.List;

/**
 * What happened to an upload. {@code accepted} are the names, as received and in request order, of the files that are
 * now indexed (or deleted, for empty parts): clients mark a file synced only when its name is echoed.
 * {@code chunksReused} chunks took a vector the command brought instead of being embedded.
 */
public record IndexContentResult(
    List<String> accepted,
    List<RejectedFile> rejected,
    int chunksAdded,
    int chunksDeleted,
    int chunksEmbedded,
    int chunksReused) {

  public IndexContentResult(
      List<String> accepted,
      List<RejectedFile> rejected,
      int chunksAdded,
      int chunksDeleted,
      int chunksEmbedded) {
    this(accepted, rejected, chunksAdded, chunksDeleted, chunksEmbedded, 0);
  }

  public record RejectedFile(String name, String reason) {}
}
