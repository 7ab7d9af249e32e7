package io.khoj4j.application.port.out.chat;

import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.user.UserId;
import java.util.Optional;

/**
 * Which chat model serves a user: the one they chose, else the server's default; empty when none is configured.
 * Chat asks this of whatever holds the model configuration (the model settings service), so chat does not depend on
 * how that choice is stored or made. An agent may name its own model, which then serves the turn instead.
 */
public interface ChatModelSelection {

  Optional<ChatModelEndpoint> modelFor(UserId user);

  /**
   * The model named {@code preferred} (a friendly name, as agents name their model) when it is one the user may use,
   * else the user's own ({@link #modelFor(UserId)}). A selection that does not know models by name has only the
   * user's.
   */
  default Optional<ChatModelEndpoint> modelFor(UserId user, Optional<String> preferred) {
    return modelFor(user);
  }
}
