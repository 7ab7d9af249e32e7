package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.port.in.chat.ListConversationsQuery;
import io.khoj4j.application.port.in.chat.ListConversationsUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.domain.chat.Conversation;
import java.util.List;

/** The user's most recent conversations. */
public final class ListConversationsService implements ListConversationsUseCase {

  private final ConversationRepository conversations;

  public ListConversationsService(ConversationRepository conversations) {
    this.conversations = conversations;
  }

  @Override
  public List<Conversation> list(ListConversationsQuery query) {
    return conversations.list(query.user(), query.limit());
  }
}
