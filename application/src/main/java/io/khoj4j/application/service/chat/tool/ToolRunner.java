package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.NoteReference;
import java.time.Clock;
import java.util.List;

/**
 * Runs the tools a turn's {@link ToolPlan} names, through their ports. In Khoj's order: the sources before the
 * {@code references} event (research, the web, a web page, a program), the generated assets after it (an image or a
 * diagram). A client that has left stops the remaining tools.
 */
public final class ToolRunner {

  private final ChatTools tools;
  private final OnlineSources online;
  private final CodeRunner code;
  private final AssetMaker assets;
  private final ResearchRunner research;

  public ToolRunner(ChatTools tools, ChatModelGateway gateway, QueryWriter queries, Clock clock) {
    ModelCalls calls = new ModelCalls(gateway);
    this.tools = tools;
    this.online = new OnlineSources(tools, queries, calls);
    this.code = new CodeRunner(tools.code(), calls, clock);
    this.assets = new AssetMaker(tools, calls);
    this.research = new ResearchRunner(tools.research());
  }

  /** The sources besides the notes; {@code notes} are those the turn found, which a program may use. */
  public ToolFindings gather(ToolPlan plan, ToolTurn turn, List<NoteReference> notes) {
    ToolFindings found = new ToolFindings();
    if (plan.uses(ConversationCommand.RESEARCH) && tools.research().available() && !turn.cancelled()) {
      research.run(turn, found);
    }
    if (plan.uses(ConversationCommand.ONLINE) && tools.webSearch().available() && !turn.cancelled()) {
      online.search(turn, found);
    }
    if (plan.uses(ConversationCommand.WEBPAGE) && tools.webReader().available() && !turn.cancelled()) {
      online.readPages(turn, found);
    }
    if (plan.uses(ConversationCommand.CODE) && tools.code().available() && !turn.cancelled()) {
      StringBuilder context = new StringBuilder();
      notes.forEach(n -> context.append("From ").append(n.file()).append(":\n").append(n.compiled().strip())
          .append("\n\n"));
      found.promptContext().forEach(c -> context.append(c).append("\n\n"));
      code.run(turn, context.toString().strip(), found);
    }
    return found;
  }

  /** The image or diagram the plan asks for; each is sent as a {@code generated_assets} event. */
  public void create(ToolPlan plan, ToolTurn turn, ToolFindings found) {
    if (turn.cancelled()) {
      return;
    }
    switch (plan.output()) {
      case IMAGE -> {
        if (tools.images().available()) {
          assets.image(turn, found);
        }
      }
      case DIAGRAM -> {
        if (tools.diagrams().available()) {
          assets.diagram(turn, found);
        }
      }
      case TEXT -> { }
    }
  }
}
