package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.port.in.chat.ShareConversationCommand;
import io.khoj4j.application.port.in.chat.ShareConversationUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.PublicConversation;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Publishes a snapshot of a conversation under a readable slug. */
public final class ShareConversationService implements ShareConversationUseCase {

  private final ConversationRepository conversations;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;
  private final OwnedConversations owned;

  public ShareConversationService(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    this.conversations = conversations;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
    this.owned = new OwnedConversations(conversations, unitOfWork, ids, clock);
  }

  @Override
  public String share(ShareConversationCommand command) {
    Conversation c = owned.owned(command.user(), command.id());
    String base = Optional.ofNullable(c.displayTitle())
        .orElse("conversation")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", "-")
        .replaceAll("(^-+|-+$)", "");
    base = base.isEmpty() ? "conversation" : base.substring(0, Math.min(50, base.length()));
    String slug = base + "-" + ids.newId().toString().replace("-", "").substring(0, 8);
    PublicConversation copy = new PublicConversation(
        slug,
        command.user(),
        c.displayTitle(),
        c.agentSlug(),
        conversations.messages(command.user(), c.id()),
        clock.instant());
    unitOfWork.run(() -> conversations.savePublic(copy));
    return slug;
  }
}
