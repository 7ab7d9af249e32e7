package io.khoj4j.domain.chat;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A frozen, publicly readable copy of a conversation, addressed by {@code slug}. Later turns in the source
 * conversation do not change it; the owner may delete it.
 */
public record PublicConversation(
    String slug,
    UserId sourceOwner,
    String title,
    String agentSlug,
    List<ChatMessage> messages,
    Instant createdAt) {

  public PublicConversation {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(sourceOwner, "sourceOwner");
    messages = messages == null ? List.of() : List.copyOf(messages);
  }
}
