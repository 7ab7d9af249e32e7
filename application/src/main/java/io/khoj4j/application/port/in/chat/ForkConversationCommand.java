package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;

/** A published snapshot copied into a new conversation of the user. */
public record ForkConversationCommand(UserId user, String slug) {}
