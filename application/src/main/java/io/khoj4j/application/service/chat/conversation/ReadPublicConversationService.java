package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.port.in.chat.ReadPublicConversationQuery;
import io.khoj4j.application.port.in.chat.ReadPublicConversationUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.PublicConversation;
import java.time.Clock;

/** A published snapshot, for anyone. */
public final class ReadPublicConversationService implements ReadPublicConversationUseCase {

  private final OwnedConversations owned;

  public ReadPublicConversationService(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    this.owned = new OwnedConversations(conversations, unitOfWork, ids, clock);
  }

  @Override
  public PublicConversation read(ReadPublicConversationQuery query) {
    return owned.published(query.slug());
  }
}
