package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;
import java.util.UUID;

/** One question and its answer removed from a conversation. */
public record DeleteTurnCommand(UserId user, UUID id, String turnId) {}
