package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.port.in.chat.ListChatCommandsQuery;
import io.khoj4j.application.port.in.chat.ListChatCommandsUseCase;
import io.khoj4j.domain.chat.ConversationCommand;
import java.util.List;
import java.util.Objects;

/**
 * Lists the user-facing commands whose tool is configured, so clients offer only what works: {@code /image} needs
 * an image model, {@code /online} a search provider, and so on; general and notes are always there.
 */
public final class ListChatCommandsService implements ListChatCommandsUseCase {

  private static final List<ConversationCommand> OFFERED = List.of(
      ConversationCommand.GENERAL,
      ConversationCommand.NOTES,
      ConversationCommand.ONLINE,
      ConversationCommand.WEBPAGE,
      ConversationCommand.CODE,
      ConversationCommand.IMAGE,
      ConversationCommand.DIAGRAM,
      ConversationCommand.RESEARCH);

  private final ChatTools tools;

  public ListChatCommandsService(ChatTools tools) {
    this.tools = Objects.requireNonNull(tools, "tools");
  }

  @Override
  public List<ConversationCommand> list(ListChatCommandsQuery query) {
    return OFFERED.stream()
        .filter(command -> tools.unavailableMessage(command).isEmpty())
        .toList();
  }
}
