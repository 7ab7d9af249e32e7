package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.NoteReference;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /research}: an iterative loop. At each step the chat model reads the question and what the earlier steps
 * found, and picks one tool and what to ask it — the notes, a web search, reading pages, a program, or a tool of an
 * operator's MCP server — or decides it has enough. Each step's thought and the tool's progress are shown as they
 * happen; the client leaving stops the loop between steps and inside the tools. The notes, web results and programs
 * the steps used become the turn's references, and every step, in order, the context of the answer. At most
 * {@link ChatTools#researchIterations()} steps (Khoj's {@code KHOJ_RESEARCH_ITERATIONS}, 5 by default). Needs a chat
 * model: it plans the steps and writes the answer.
 */
final class ResearchRunner implements ChatTool {

  /** Khoj's default number of research iterations. */
  static final int DEFAULT_ITERATIONS = 5;
  /** Characters of one step's result the planner reads; the answer gets {@link #ANSWER_CHARS}. */
  static final int PLANNER_CHARS = 3_000;

  static final int ANSWER_CHARS = 10_000;
  /** The planner's word for "enough found". */
  static final String ANSWER = "answer";

  private final ChatTools tools;
  private final ModelCalls calls;
  private final OnlineSources online;
  private final CodeRunner code;
  private final Clock clock;

  ResearchRunner(
      ChatTools tools, ModelCalls calls, OnlineSources online, CodeRunner code, Clock clock) {
    this.tools = tools;
    this.calls = calls;
    this.online = online;
    this.code = code;
    this.clock = clock;
  }

  @Override
  public boolean wanted(ToolPlan plan) {
    return plan.uses(ConversationCommand.RESEARCH);
  }

  @Override
  public void run(ToolTurn turn, List<NoteReference> notes, ToolFindings found) {
    if (turn.model().isEmpty()) {
      return;
    }
    ResearchTools menu = ResearchTools.offered(tools, turn);
    if (menu.isEmpty()) {
      turn.status("**Nothing to research with**");
      found.addPromptContext(Prompts.render(
          "tool-failed.txt",
          Map.of(
              "what",
              "There are no notes, web tools, code sandbox or tool servers to research with")));
      return;
    }
    List<Step> steps = new ArrayList<>();
    String earlier = earlier(found);
    int max = tools.researchIterations();
    for (int n = 1; n <= max && !turn.cancelled(); n++) {
      Optional<Plan> plan = plan(turn, menu, earlier, steps, n, max, found);
      if (plan.isEmpty()) {
        if (steps.isEmpty() && !turn.cancelled()) {
          turn.status("**Research failed**");
          found.addPromptContext(
              Prompts.render("tool-failed.txt", Map.of("what", "Planning the research failed")));
          return;
        }
        break;
      }
      plan.get().thought().ifPresent(turn::status);
      if (plan.get().tool().equals(ANSWER) || turn.cancelled()) {
        break;
      }
      steps.add(take(turn, menu, plan.get(), steps, found));
    }
    found.addPromptContext(
        Prompts.render("research-context.txt", Map.of("findings", steps(steps))));
  }

  /** The next step the model picks; empty when its reply is unusable or names no offered tool. */
  private Optional<Plan> plan(
      ToolTurn turn,
      ResearchTools menu,
      String earlier,
      List<Step> steps,
      int n,
      int max,
      ToolFindings found) {
    String prompt = Prompts.render(
        "research-plan.txt",
        Map.of(
            "persona", PromptBuilder.Persona.context(turn.persona()),
            "date", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString(),
            "tools", menu.describe(),
            "step", String.valueOf(n),
            "max", String.valueOf(max),
            "steps", earlier + (steps.isEmpty() ? "(none yet)" : forPlanner(steps)),
            "history", PromptBuilder.formatHistory(turn.history(), 6),
            "query", turn.query()));
    Optional<ChatCompletion> reply =
        calls.json(turn.model().get(), prompt, menu.schema(), "plan research", turn::cancelled);
    reply.ifPresent(c -> found.addUsage(c.usage()));
    return reply.flatMap(c -> {
      Optional<String> tool = calls.string(c, "tool");
      if (tool.isEmpty() || !(tool.get().equals(ANSWER) || menu.offers(tool.get()))) {
        return Optional.empty();
      }
      return Optional.of(new Plan(
          calls.string(c, "thought"),
          tool.get(),
          calls.string(c, "query").orElse(""),
          calls.object(c, "arguments").orElse("{}")));
    });
  }

  /** Runs the step's tool, unless the step repeats an earlier one. */
  private Step take(
      ToolTurn turn, ResearchTools menu, Plan plan, List<Step> steps, ToolFindings found) {
    for (int i = 0; i < steps.size(); i++) {
      Step earlier = steps.get(i);
      if (earlier.tool().equals(plan.tool())
          && earlier.query().equals(plan.query())
          && earlier.arguments().equals(plan.arguments())) {
        return new Step(
            plan.tool(),
            plan.query(),
            plan.arguments(),
            "This repeats step " + (i + 1) + "; its result is above. Take another step or answer.");
      }
    }
    ToolFindings stepFound = new ToolFindings();
    String result = switch (plan.tool()) {
      case ResearchTools.NOTES -> searchNotes(turn, plan.query(), found);
      case ResearchTools.WEB -> {
        online.search(turn.asking(plan.query()), stepFound);
        yield stepFound.promptContextText();
      }
      case ResearchTools.PAGES -> {
        online.readPages(turn.asking(plan.query()), stepFound);
        yield stepFound.promptContextText();
      }
      case ResearchTools.CODE -> {
        code.run(turn.asking(plan.query()), forPlanner(steps), stepFound);
        yield stepFound.promptContextText();
      }
      default -> menu.callServer(turn, plan.tool(), plan.arguments());
    };
    found.absorb(stepFound);
    return new Step(plan.tool(), plan.query(), plan.arguments(), result);
  }

  private static String searchNotes(ToolTurn turn, String query, ToolFindings found) {
    turn.status("**Searching Documents for:** \n- " + query);
    List<NoteReference> hits = turn.notes().find(query);
    List<NoteReference> fresh = found.addNewNotes(hits);
    turn.status("**Found " + hits.size() + " Notes** (" + fresh.size() + " new)");
    if (hits.isEmpty()) {
      return "No notes matched.";
    }
    StringBuilder text = new StringBuilder();
    for (NoteReference note : hits) {
      text.append("From ")
          .append(note.file())
          .append(":\n")
          .append(note.compiled().strip())
          .append("\n\n");
    }
    return text.toString();
  }

  /** The steps so far as the planner reads them: each result cut short. */
  /**
   * What a stopped turn this one carries on from had found (research starts a turn's tools, so the findings are those
   * carried), for the planner to build on rather than repeat; empty when there are none.
   */
  private static String earlier(ToolFindings found) {
    String carried = found.promptContextText();
    if (carried.isBlank()) {
      return "";
    }
    return "<found_before_the_user_stopped_an_earlier_attempt>\n"
        + Prompts.cut(carried, PLANNER_CHARS)
        + "\n</found_before_the_user_stopped_an_earlier_attempt>\n";
  }

  private static String forPlanner(List<Step> steps) {
    return format(steps, PLANNER_CHARS);
  }

  /** Each step as a tagged block for the answer's prompt. */
  private static String steps(List<Step> steps) {
    return steps.isEmpty() ? "(the research found nothing)" : format(steps, ANSWER_CHARS);
  }

  private static String format(List<Step> steps, int chars) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (Step step : steps) {
      n++;
      out.append("<step_")
          .append(n)
          .append(" tool=\"")
          .append(step.tool())
          .append("\" query=\"")
          .append(step.query().replace("\"", "'").replace('\n', ' '))
          .append('"');
      if (!step.arguments().equals("{}")) {
        out.append(" arguments=\"").append(step.arguments().replace("\"", "'")).append('"');
      }
      out.append(">\n")
          .append(Prompts.cut(step.result(), chars))
          .append("\n</step_")
          .append(n)
          .append(">\n");
    }
    return out.toString();
  }

  /** What the model chose: why, which tool, what to ask it, and a server tool's arguments (a JSON object). */
  private record Plan(Optional<String> thought, String tool, String query, String arguments) {}

  /** One step taken and what it found, as text. */
  private record Step(String tool, String query, String arguments, String result) {}
}
