package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import java.util.List;

/** A conversation with its messages. */
public record ConversationView(Conversation conversation, List<ChatMessage> messages) {}
