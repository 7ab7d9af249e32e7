package io.khoj4j.application.port.out.tools;

import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.NoteReference;
import io.khoj4j.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the multi-step research loop of the {@code /research} command: plans a step, uses a tool (the user's notes,
 * web search, page reading, code), reads what it found and plans again, up to a number of iterations. The chat
 * service then writes the answer from the findings. A chat capability whose adapter is configured separately; until
 * one is, {@link #NOT_CONFIGURED} makes {@code /research} answer with a clear message.
 */
public interface ResearchAgent {

  /** Whether this server can do it. */
  boolean available();

  /**
   * Researches the question for its owner; notes are searched only within {@code assignment.user()}'s content.
   * Stops early when {@code progress.cancelled()}.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the planning model or a service fails for good
   */
  Findings research(Assignment assignment, Progress progress);

  /**
   * What to research. {@code model} is the user's chat model, for agents that plan with it.
   */
  record Assignment(
      UserId user,
      String question,
      List<ChatMessage> history,
      Optional<ChatModelEndpoint> model,
      int maxIterations) {
    public Assignment {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(question, "question");
      history = history == null ? List.of() : List.copyOf(history);
      model = model == null ? Optional.empty() : model;
      if (maxIterations < 1) {
        throw new IllegalArgumentException(
            "research needs at least one iteration: " + maxIterations);
      }
    }
  }

  /** Where the loop reports what it is doing, shown to the user as it happens; safe to call from any thread. */
  interface Progress {
    /** A short Markdown line, e.g. {@code **Searching the web for**: …}. */
    void status(String markdown);

    boolean cancelled();
  }

  /** One step of the loop: the tool used, what it was asked, and what it found, as text for the answer. */
  record Step(String tool, String query, String result) {
    public Step {
      Objects.requireNonNull(tool, "tool");
      query = query == null ? "" : query;
      result = result == null ? "" : result;
    }
  }

  /** A program the loop ran and how it went. */
  record CodeStep(String instructions, String code, CodeSandbox.Run run) {
    public CodeStep {
      Objects.requireNonNull(instructions, "instructions");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(run, "run");
    }
  }

  /** Everything the loop found: its steps in order, and the sources behind them for the turn's references. */
  record Findings(
      List<Step> steps,
      List<NoteReference> notes,
      List<WebSearch.Results> online,
      List<CodeStep> code) {
    public Findings {
      steps = steps == null ? List.of() : List.copyOf(steps);
      notes = notes == null ? List.of() : List.copyOf(notes);
      online = online == null ? List.of() : List.copyOf(online);
      code = code == null ? List.of() : List.copyOf(code);
    }
  }

  ResearchAgent NOT_CONFIGURED = new ResearchAgent() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public Findings research(Assignment assignment, Progress progress) {
      throw new IllegalStateException("research is not configured");
    }
  };
}
