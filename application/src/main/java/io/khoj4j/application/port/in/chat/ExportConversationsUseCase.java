package io.khoj4j.application.port.in.chat;

import java.util.List;

/** A page of the user's conversations with their messages. */
public interface ExportConversationsUseCase {

  List<ConversationView> export(ExportConversationsQuery query);
}
