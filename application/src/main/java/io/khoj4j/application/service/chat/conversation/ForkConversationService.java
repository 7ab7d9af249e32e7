package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.port.in.chat.ForkConversationCommand;
import io.khoj4j.application.port.in.chat.ForkConversationUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.PublicConversation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A published snapshot copied into a new conversation of the user. */
public final class ForkConversationService implements ForkConversationUseCase {

  private final ConversationRepository conversations;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;
  private final OwnedConversations owned;

  public ForkConversationService(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    this.conversations = conversations;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
    this.owned = new OwnedConversations(conversations, unitOfWork, ids, clock);
  }

  @Override
  public UUID fork(ForkConversationCommand command) {
    PublicConversation source = owned.published(command.slug());
    Instant now = clock.instant();
    Conversation copy = new Conversation(
        ids.newId(),
        command.user(),
        source.title(),
        source.title(),
        OwnedConversations.DEFAULT_AGENT,
        List.of(),
        now,
        now);
    unitOfWork.run(() -> {
      conversations.createIfAbsent(copy);
      if (!source.messages().isEmpty()) {
        conversations.appendMessages(
            command.user(), copy.id(), source.messages(), source.title(), now);
      }
    });
    return copy.id();
  }
}
