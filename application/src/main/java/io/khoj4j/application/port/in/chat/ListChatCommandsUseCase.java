package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.chat.ConversationCommand;
import java.util.List;

/** The slash commands this server can answer: the tools it has providers for (Khoj's chat options). */
public interface ListChatCommandsUseCase {

  List<ConversationCommand> list(ListChatCommandsQuery query);
}
