package io.khoj4j.domain.chat;

import java.util.Objects;

/**
 * A file's text attached to a chat message (converted by {@code POST /api/content/convert}, never indexed): put into
 * the prompt and kept on the user's message (Khoj's {@code queryFiles}). {@code fileType} may be empty.
 */
public record AttachedFile(String name, String content, String fileType, long size) {
  public AttachedFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    fileType = fileType == null ? "" : fileType;
  }
}
