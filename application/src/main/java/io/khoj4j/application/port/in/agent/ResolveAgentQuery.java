package io.khoj4j.application.port.in.agent;

import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent a user chats with.
 *
 * @param slug the conversation's agent; empty means the default agent
 */
public record ResolveAgentQuery(UserId user, Optional<AgentSlug> slug) {

  public ResolveAgentQuery {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(slug, "slug");
  }
}
