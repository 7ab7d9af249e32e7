package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.user.UserId;
import java.util.Optional;

/** A new conversation with an agent (only the built-in agent "khoj" exists for now). */
public record CreateConversationCommand(UserId user, Optional<String> agentSlug) {}
