package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.chat.UnshareConversationCommand;
import io.khoj4j.application.port.in.chat.UnshareConversationUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;

/** Withdraws a published snapshot of the user's. */
public final class UnshareConversationService implements UnshareConversationUseCase {

  private final ConversationRepository conversations;
  private final UnitOfWork unitOfWork;

  public UnshareConversationService(ConversationRepository conversations, UnitOfWork unitOfWork) {
    this.conversations = conversations;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public void unshare(UnshareConversationCommand command) {
    if (!unitOfWork.inTransaction(
        () -> conversations.deletePublic(command.user(), command.slug()))) {
      throw new NotFoundException("Conversation: " + command.slug() + " not found");
    }
  }
}
