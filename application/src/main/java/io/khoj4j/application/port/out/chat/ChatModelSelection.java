package io.khoj4j.application.port.out.chat;

import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.user.UserId;
import java.util.Optional;

/**
 * Which chat model serves a user: the one they chose, else the server's default; empty when none is configured.
 * Chat asks this of whatever holds the model configuration (today the model settings service; later an agent may
 * name its own model), so chat does not depend on how that choice is stored or made.
 */
public interface ChatModelSelection {

  Optional<ChatModelEndpoint> modelFor(UserId user);
}
