package io.khoj4j.application.service.chat.tool;

import io.khoj4j.domain.chat.NoteReference;
import java.util.List;

/** {@code /diagram}: a Mermaid diagram written by the model and checked by the {@code DiagramValidator} port. */
final class DiagramTool implements ChatTool {

  private final ChatTools tools;
  private final AssetMaker assets;

  DiagramTool(ChatTools tools, AssetMaker assets) {
    this.tools = tools;
    this.assets = assets;
  }

  @Override
  public boolean wanted(ToolPlan plan) {
    return plan.output() == ToolPlan.Output.DIAGRAM && tools.diagrams().available();
  }

  @Override
  public void run(ToolTurn turn, List<NoteReference> notes, ToolFindings found) {
    assets.diagram(turn, found);
  }
}
