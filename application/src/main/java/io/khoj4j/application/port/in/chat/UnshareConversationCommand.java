package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;

/** Withdraw a published snapshot. */
public record UnshareConversationCommand(UserId user, String slug) {}
