package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.port.out.tools.CodeSandbox;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.chat.AttachedFile;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.NoteReference;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A program as a source of an answer ({@code /code}): the model writes a Python program for the message, with the
 * files attached to it as input files, the {@link CodeSandbox} port runs it, and its output goes to the turn's
 * {@code codeContext} and, as a context message, to the answer's prompt. Needs a chat model to write the program.
 */
final class CodeRunner implements ChatTool {

  private static final Logger LOG = System.getLogger(CodeRunner.class.getName());
  /** Characters of output or of a text file kept for the answer's prompt. */
  static final int OUTPUT_CHARS = 10_000;

  private static final Set<String> PICTURES =
      Set.of("png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "tiff");

  private final CodeSandbox sandbox;
  private final ModelCalls calls;
  private final Clock clock;

  CodeRunner(CodeSandbox sandbox, ModelCalls calls, Clock clock) {
    this.sandbox = sandbox;
    this.calls = calls;
    this.clock = clock;
  }

  @Override
  public boolean wanted(ToolPlan plan) {
    return plan.uses(ConversationCommand.CODE) && sandbox.available();
  }

  /** The program may use what the other sources of the turn found: the notes, the web, pages read. */
  @Override
  public void run(ToolTurn turn, List<NoteReference> notes, ToolFindings found) {
    StringBuilder sources = new StringBuilder();
    notes.forEach(n -> sources
        .append("From ")
        .append(n.file())
        .append(":\n")
        .append(n.compiled().strip())
        .append("\n\n"));
    found.promptContext().forEach(c -> sources.append(c).append("\n\n"));
    run(turn, sources.toString().strip(), found);
  }

  /** The program the model writes for the message (empty when it wrote none). */
  private String write(
      ToolTurn turn, String context, List<AttachedFile> attached, ToolFindings found) {
    turn.status("**Writing a program** for: " + turn.query());
    String prompt = Prompts.render(
        "code-write.txt",
        Map.of(
            "date",
            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString(),
            "files",
            attached.isEmpty()
                ? "(none)"
                : String.join(", ", attached.stream().map(f -> f.name()).toList()),
            "context",
            context.isBlank() ? "(none)" : context,
            "history",
            PromptBuilder.formatHistory(turn.history(), 6),
            "query",
            turn.query()));
    Optional<ChatCompletion> written =
        calls.text(turn.model().get(), prompt, "write a program", turn::cancelled);
    written.ifPresent(c -> found.addUsage(c.usage()));
    return written.map(c -> ModelCalls.fencedCode(c.text())).orElse("");
  }

  /** Writes and runs a program for the turn's query, with {@code context} (what was found so far) to draw on. */
  void run(ToolTurn turn, String context, ToolFindings found) {
    if (turn.model().isEmpty()) {
      return;
    }
    List<AttachedFile> attached = turn.command().files();
    String code = write(turn, context, attached, found);
    if (code.isEmpty()) {
      turn.status("**Could not write a program**");
      found.addPromptContext(Prompts.render(
          "tool-failed.txt",
          Map.of("what", "Writing a program for this message failed, so no code was run")));
      return;
    }
    turn.status("**Running the program**");
    List<CodeSandbox.File> inputs = attached.stream()
        .map(f -> new CodeSandbox.File(f.name(), f.content().getBytes(StandardCharsets.UTF_8)))
        .toList();
    CodeSandbox.Run run;
    try {
      run = sandbox.run(new CodeSandbox.Program(code, inputs));
    } catch (UpstreamFailureException e) {
      LOG.log(Level.WARNING, "The code sandbox failed: {0}", e.getMessage());
      turn.status("**Running the program failed**");
      found.addPromptContext(Prompts.render(
          "tool-failed.txt",
          Map.of("what", "Running the program for this message failed (" + e.getMessage() + ")")));
      return;
    }
    found.addCode(turn.query(), code, run);
    found.addPromptContext(Prompts.render(
        "code-context.txt",
        Map.of(
            "code", code,
            "outcome", run.success() ? "ran successfully" : "failed",
            "stdout", cut(run.stdout()),
            "stderr", cut(run.stderr()),
            "files", describe(run.outputFiles()))));
  }

  private static String describe(List<CodeSandbox.File> files) {
    if (files.isEmpty()) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder();
    for (CodeSandbox.File f : files) {
      int dot = f.name().lastIndexOf('.');
      String extension = dot < 0 ? "" : f.name().substring(dot + 1).toLowerCase(Locale.ROOT);
      out.append("\n- ").append(f.name());
      if (PICTURES.contains(extension)) {
        out.append(" (an image, shown to the user)");
      } else {
        out.append(":\n").append(cut(new String(f.data(), StandardCharsets.UTF_8)));
      }
    }
    return out.toString();
  }

  private static String cut(String text) {
    return Prompts.cut(text, OUTPUT_CHARS);
  }
}
