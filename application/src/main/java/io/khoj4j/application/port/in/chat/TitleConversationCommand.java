package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;
import java.util.UUID;

/** A title for a conversation: the user's if set, else one generated and stored as the automatic title. */
public record TitleConversationCommand(UserId user, UUID id) {}
