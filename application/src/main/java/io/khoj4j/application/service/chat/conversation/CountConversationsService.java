package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.port.in.chat.CountConversationsQuery;
import io.khoj4j.application.port.in.chat.CountConversationsUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;

/** How many conversations the user has. */
public final class CountConversationsService implements CountConversationsUseCase {

  private final ConversationRepository conversations;

  public CountConversationsService(ConversationRepository conversations) {
    this.conversations = conversations;
  }

  @Override
  public long count(CountConversationsQuery query) {
    return conversations.count(query.user());
  }
}
