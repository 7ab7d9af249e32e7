package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;

/** The conversation with this id, else the latest (a new one when there is none). */
public record ReadConversationQuery(UserId user, Optional<UUID> id) {}
