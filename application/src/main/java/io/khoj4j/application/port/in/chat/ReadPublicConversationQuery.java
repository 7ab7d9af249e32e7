package io.khoj4j.application.port.in.chat;

/** A published snapshot, by its slug; anyone may read it. */
public record ReadPublicConversationQuery(String slug) {}
