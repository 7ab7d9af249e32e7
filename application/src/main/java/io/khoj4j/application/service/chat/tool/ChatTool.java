package io.khoj4j.application.service.chat.tool;

import io.khoj4j.domain.chat.NoteReference;
import java.util.List;

/**
 * One tool a chat turn may use, behind its port: whether the turn's plan asks for it and it is configured, and what
 * it adds to the turn's findings. {@link ToolRunner} runs the sources before the {@code references} event and the
 * assets (an image, a diagram) after it.
 */
public interface ChatTool {

  /** Whether the plan asks for this tool and its port is configured. */
  boolean wanted(ToolPlan plan);

  /** Adds what the tool finds or makes; {@code notes}: the notes the turn found, which a tool may use. */
  void run(ToolTurn turn, List<NoteReference> notes, ToolFindings found);
}
