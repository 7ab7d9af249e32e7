package io.khoj4j.application.port.in.content;

import java.util.List;

/**
 * What happened to an upload. {@code accepted} are the names, as received and in request order, of the files that are
 * now indexed (or deleted, for empty parts): clients mark a file synced only when its name is echoed.
 */
public record IndexContentResult(
    List<String> accepted,
    List<RejectedFile> rejected,
    int chunksAdded,
    int chunksDeleted,
    int chunksEmbedded) {

  public record RejectedFile(String name, String reason) {}
}
