package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.port.in.chat.ConversationView;
import io.khoj4j.application.port.in.chat.ExportConversationsQuery;
import io.khoj4j.application.port.in.chat.ExportConversationsUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.domain.chat.Conversation;
import java.util.ArrayList;
import java.util.List;

/** A page of the user's conversations with their messages. */
public final class ExportConversationsService implements ExportConversationsUseCase {

  private final ConversationRepository conversations;

  public ExportConversationsService(ConversationRepository conversations) {
    this.conversations = conversations;
  }

  @Override
  public List<ConversationView> export(ExportConversationsQuery query) {
    List<ConversationView> out = new ArrayList<>();
    for (Conversation c : conversations.page(query.user(), query.offset(), query.limit())) {
      out.add(new ConversationView(c, conversations.messages(query.user(), c.id())));
    }
    return out;
  }
}
