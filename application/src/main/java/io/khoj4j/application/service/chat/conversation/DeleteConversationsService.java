package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.chat.DeleteConversationsCommand;
import io.khoj4j.application.port.in.chat.DeleteConversationsUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;

/** Deletes one conversation of the user, or all of them. */
public final class DeleteConversationsService implements DeleteConversationsUseCase {

  private final ConversationRepository conversations;
  private final UnitOfWork unitOfWork;

  public DeleteConversationsService(ConversationRepository conversations, UnitOfWork unitOfWork) {
    this.conversations = conversations;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public void delete(DeleteConversationsCommand command) {
    if (command.id().isPresent()) {
      boolean deleted = unitOfWork.inTransaction(
          () -> conversations.delete(command.user(), command.id().get()));
      if (!deleted) {
        throw new NotFoundException("Conversation: " + command.id().get() + " not found");
      }
    } else {
      unitOfWork.run(() -> conversations.deleteAll(command.user()));
    }
  }
}
