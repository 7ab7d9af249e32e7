package io.khoj4j.application.service.chat.tool;

import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.NoteReference;
import java.util.List;

/** {@code /webpage}: pages read through the {@code WebReader} port (see {@link OnlineSources}). */
final class WebPageTool implements ChatTool {

  private final ChatTools tools;
  private final OnlineSources online;

  WebPageTool(ChatTools tools, OnlineSources online) {
    this.tools = tools;
    this.online = online;
  }

  @Override
  public boolean wanted(ToolPlan plan) {
    return plan.uses(ConversationCommand.WEBPAGE) && tools.webReader().available();
  }

  @Override
  public void run(ToolTurn turn, List<NoteReference> notes, ToolFindings found) {
    online.readPages(turn, found);
  }
}
