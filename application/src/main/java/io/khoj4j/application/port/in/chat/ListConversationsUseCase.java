package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.chat.Conversation;
import java.util.List;

/** The user's most recent conversations, at most {@code limit}. */
public interface ListConversationsUseCase {

  List<Conversation> list(ListConversationsQuery query);
}
