package io.khoj4j.application.service.chat.tool;

import io.khoj4j.domain.chat.NoteReference;
import java.util.List;

/** {@code /image}: a picture painted through the {@code ImageGenerator} port (see {@link AssetMaker}). */
final class ImageTool implements ChatTool {

  private final ChatTools tools;
  private final AssetMaker assets;

  ImageTool(ChatTools tools, AssetMaker assets) {
    this.tools = tools;
    this.assets = assets;
  }

  @Override
  public boolean wanted(ToolPlan plan) {
    return plan.output() == ToolPlan.Output.IMAGE && tools.images().available();
  }

  @Override
  public void run(ToolTurn turn, List<NoteReference> notes, ToolFindings found) {
    assets.image(turn, found);
  }
}
