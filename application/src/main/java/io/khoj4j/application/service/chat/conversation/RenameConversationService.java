package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.port.in.chat.RenameConversationCommand;
import io.khoj4j.application.port.in.chat.RenameConversationUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import java.time.Clock;

/** Sets the user's own title of a conversation. */
public final class RenameConversationService implements RenameConversationUseCase {

  private final ConversationRepository conversations;
  private final UnitOfWork unitOfWork;
  private final OwnedConversations owned;

  public RenameConversationService(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    this.conversations = conversations;
    this.unitOfWork = unitOfWork;
    this.owned = new OwnedConversations(conversations, unitOfWork, ids, clock);
  }

  @Override
  public void rename(RenameConversationCommand command) {
    owned.owned(command.user(), command.id());
    unitOfWork.run(() -> conversations.setTitle(command.user(), command.id(), command.title()));
  }
}
