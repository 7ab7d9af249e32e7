package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.chat.DeleteTurnCommand;
import io.khoj4j.application.port.in.chat.DeleteTurnUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;

/** Removes one question and its answer from a conversation. */
public final class DeleteTurnService implements DeleteTurnUseCase {

  private final ConversationRepository conversations;
  private final UnitOfWork unitOfWork;

  public DeleteTurnService(ConversationRepository conversations, UnitOfWork unitOfWork) {
    this.conversations = conversations;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public void delete(DeleteTurnCommand command) {
    int deleted = unitOfWork.inTransaction(
        () -> conversations.deleteTurn(command.user(), command.id(), command.turnId()));
    if (deleted == 0) {
      throw new NotFoundException("Message not found");
    }
  }
}
