package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;

/** How many conversations the user has. */
public record CountConversationsQuery(UserId user) {}
