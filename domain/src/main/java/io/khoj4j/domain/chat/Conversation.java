package io.khoj4j.domain.chat;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's conversation. {@code slug} is Khoj's automatic title (the latest question, or a generated title);
 * {@code title} is the one the user set and wins when present. {@code fileFilters} limit note search to those files.
 */
public record Conversation(
    UUID id,
    UserId owner,
    String title,
    String slug,
    String agentSlug,
    List<String> fileFilters,
    Instant createdAt,
    Instant updatedAt) {

  public static final int MAX_SLUG = 200;
  public static final int MAX_TITLE = 200;

  public Conversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    fileFilters = fileFilters == null ? List.of() : List.copyOf(fileFilters);
  }

  /** What clients show: the user's title, else the automatic one. */
  public String displayTitle() {
    return title != null && !title.isBlank() ? title : slug;
  }
}
