package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;

/** The user's most recent conversations, at most {@code limit}. */
public record ListConversationsQuery(UserId user, int limit) {}
