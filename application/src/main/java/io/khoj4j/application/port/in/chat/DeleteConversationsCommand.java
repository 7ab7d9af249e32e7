package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;

/** One conversation, or all of the user's when {@code id} is empty. */
public record DeleteConversationsCommand(UserId user, Optional<UUID> id) {}
