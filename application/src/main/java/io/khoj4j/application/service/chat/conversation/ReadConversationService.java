package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.port.in.chat.ConversationView;
import io.khoj4j.application.port.in.chat.ReadConversationQuery;
import io.khoj4j.application.port.in.chat.ReadConversationUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.Conversation;
import java.time.Clock;

/** The conversation asked for, else the latest; a new one when the user has none. */
public final class ReadConversationService implements ReadConversationUseCase {

  private final ConversationRepository conversations;
  private final OwnedConversations owned;

  public ReadConversationService(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    this.conversations = conversations;
    this.owned = new OwnedConversations(conversations, unitOfWork, ids, clock);
  }

  @Override
  public ConversationView read(ReadConversationQuery query) {
    Conversation c = query
        .id()
        .map(id -> owned.owned(query.user(), id))
        .orElseGet(() ->
            conversations.latest(query.user()).orElseGet(() -> owned.fresh(query.user(), null)));
    return new ConversationView(c, conversations.messages(query.user(), c.id()));
  }
}
