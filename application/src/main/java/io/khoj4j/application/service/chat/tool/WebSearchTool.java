package io.khoj4j.application.service.chat.tool;

import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.NoteReference;
import java.util.List;

/** {@code /online}: the web searched through the {@code WebSearch} port (see {@link OnlineSources}). */
final class WebSearchTool implements ChatTool {

  private final ChatTools tools;
  private final OnlineSources online;

  WebSearchTool(ChatTools tools, OnlineSources online) {
    this.tools = tools;
    this.online = online;
  }

  @Override
  public boolean wanted(ToolPlan plan) {
    return plan.uses(ConversationCommand.ONLINE) && tools.webSearch().available();
  }

  @Override
  public void run(ToolTurn turn, List<NoteReference> notes, ToolFindings found) {
    online.search(turn, found);
  }
}
