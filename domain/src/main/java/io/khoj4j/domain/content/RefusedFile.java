package io.khoj4j.domain.content;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A file an upload did not index, with the reason, kept so the user can see why (a damaged PDF, a zip bomb, an image
 * too large to read) instead of a file that silently never appears. The name is cut to {@value #MAX_NAME} characters
 * and the reason to {@value #MAX_REASON}: both come from the client or from a parser.
 */
public record RefusedFile(UserId owner, String name, String reason, Instant refusedAt) {

  public static final int MAX_NAME = 1000;
  public static final int MAX_REASON = 500;

  public RefusedFile {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(refusedAt, "refusedAt");
    name = cut(Objects.requireNonNull(name, "name"), MAX_NAME);
    reason = cut(Objects.requireNonNull(reason, "reason"), MAX_REASON);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
