package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.ResearchAgent;
import io.khoj4j.application.port.out.tools.WebSearch;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.NoteReference;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

/**
 * {@code /research}: the {@link ResearchAgent} port runs its loop with the turn's statuses shown as it goes; the notes,
 * web results and programs it used become the turn's references, and its steps the answer's context. Needs a chat
 * model, which writes the answer.
 */
final class ResearchRunner implements ChatTool {

  private static final Logger LOG = System.getLogger(ResearchRunner.class.getName());
  /** Khoj's default number of research iterations. */
  static final int MAX_ITERATIONS = 5;

  private final ResearchAgent agent;

  ResearchRunner(ResearchAgent agent) {
    this.agent = agent;
  }

  @Override
  public boolean wanted(ToolPlan plan) {
    return plan.uses(ConversationCommand.RESEARCH) && agent.available();
  }

  @Override
  public void run(ToolTurn turn, List<NoteReference> notes, ToolFindings found) {
    if (turn.model().isEmpty()) {
      return;
    }
    ResearchAgent.Findings findings;
    try {
      findings = agent.research(
          new ResearchAgent.Assignment(
              turn.command().user(), turn.query(), turn.history(), turn.model(), MAX_ITERATIONS),
          progress(turn));
    } catch (UpstreamFailureException e) {
      LOG.log(Level.WARNING, "Research failed: {0}", e.getMessage());
      turn.status("**Research failed**");
      found.addPromptContext(Prompts.render(
          "tool-failed.txt",
          Map.of("what", "Researching this message failed (" + e.getMessage() + ")")));
      return;
    }
    found.addNotes(findings.notes());
    for (WebSearch.Results results : findings.online()) {
      found.addSearch(results, List.of());
    }
    for (ResearchAgent.CodeStep step : findings.code()) {
      found.addCode(step.instructions(), step.code(), step.run());
    }
    found.addPromptContext(
        Prompts.render("research-context.txt", Map.of("findings", steps(findings))));
  }

  /** The turn's statuses and cancellation, as the loop sees them. */
  private static ResearchAgent.Progress progress(ToolTurn turn) {
    return new ResearchAgent.Progress() {
      @Override
      public synchronized void status(String markdown) {
        turn.status(markdown);
      }

      @Override
      public boolean cancelled() {
        return turn.cancelled();
      }
    };
  }

  /** Each step as a tagged block for the prompt. */
  private static String steps(ResearchAgent.Findings findings) {
    StringBuilder steps = new StringBuilder();
    int n = 0;
    for (ResearchAgent.Step step : findings.steps()) {
      steps
          .append("<step_")
          .append(++n)
          .append(" tool=\"")
          .append(step.tool())
          .append("\" query=\"")
          .append(step.query().replace("\"", "'"))
          .append("\">\n")
          .append(step.result().strip())
          .append("\n</step_")
          .append(n)
          .append(">\n");
    }
    return steps.isEmpty() ? "(the research found nothing)" : steps.toString();
  }
}
