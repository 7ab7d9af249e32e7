package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.chat.CreateConversationCommand;
import io.khoj4j.application.port.in.chat.CreateConversationUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.Conversation;
import java.time.Clock;

/** A new conversation with the built-in agent. */
public final class CreateConversationService implements CreateConversationUseCase {

  private final OwnedConversations owned;

  public CreateConversationService(ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids,
      Clock clock) {
    this.owned = new OwnedConversations(conversations, unitOfWork, ids, clock);
  }

  @Override
  public Conversation create(CreateConversationCommand command) {
    if (command.agentSlug().isPresent() && !command.agentSlug().get().isBlank()
        && !command.agentSlug().get().equalsIgnoreCase(OwnedConversations.DEFAULT_AGENT)) {
      throw new InvalidInputException("No such agent currently exists.");
    }
    return owned.fresh(command.user(), null);
  }
}
