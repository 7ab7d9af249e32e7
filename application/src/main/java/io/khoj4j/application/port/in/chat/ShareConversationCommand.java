package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;
import java.util.UUID;

/** Publish a snapshot of a conversation. */
public record ShareConversationCommand(UserId user, UUID id) {}
