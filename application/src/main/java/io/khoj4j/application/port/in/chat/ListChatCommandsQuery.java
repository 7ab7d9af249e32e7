package io.khoj4j.application.port.in.chat;

/** The commands offered to everyone: they depend on the server's configuration, not on the user. */
public record ListChatCommandsQuery() {}
