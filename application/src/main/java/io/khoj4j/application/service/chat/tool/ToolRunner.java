package io.khoj4j.application.service.chat.tool;

import io.khoj4j.domain.chat.NoteReference;
import java.time.Clock;
import java.util.List;

/**
 * Runs the tools a turn's {@link ToolPlan} names, each a {@link ChatTool} behind its port. In Khoj's order: the
 * sources before the {@code references} event (research, the web, a web page, a program), the generated assets after
 * it (an image or a diagram). A client that has left stops the remaining tools.
 */
public final class ToolRunner {

  private final List<ChatTool> sources;
  private final List<ChatTool> assets;

  public ToolRunner(ChatTools tools, ModelCalls calls, QueryWriter queries, Clock clock) {
    OnlineSources online = new OnlineSources(tools, queries, calls);
    AssetMaker maker = new AssetMaker(tools, calls);
    CodeRunner code = new CodeRunner(tools.code(), calls, clock);
    this.sources = List.of(
        new ResearchRunner(tools, calls, online, code, clock),
        new WebSearchTool(tools, online),
        new WebPageTool(tools, online),
        code);
    this.assets = List.of(new ImageTool(tools, maker), new DiagramTool(tools, maker));
  }

  /**
   * The sources besides the notes, added to {@code found} as they run (a turn that stops keeps what they found so
   * far); {@code notes} are those the turn found, which a program may use.
   */
  public void gather(ToolPlan plan, ToolTurn turn, List<NoteReference> notes, ToolFindings found) {
    for (ChatTool source : sources) {
      if (source.wanted(plan) && !turn.cancelled()) {
        source.run(turn, notes, found);
      }
    }
  }

  /** The image or diagram the plan asks for; each is sent as a {@code generated_assets} event. */
  public void create(ToolPlan plan, ToolTurn turn, ToolFindings found) {
    if (turn.cancelled()) {
      return;
    }
    for (ChatTool asset : assets) {
      if (asset.wanted(plan)) {
        asset.run(turn, List.of(), found);
      }
    }
  }
}
