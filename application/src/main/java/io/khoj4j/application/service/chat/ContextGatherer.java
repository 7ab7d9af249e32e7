package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.application.service.chat.tool.ChatTools;
import io.khoj4j.application.service.chat.tool.NoteFinder;
import io.khoj4j.application.service.chat.tool.SourcePicker;
import io.khoj4j.application.service.chat.tool.ToolFindings;
import io.khoj4j.application.service.chat.tool.ToolPlan;
import io.khoj4j.application.service.chat.tool.ToolRunner;
import io.khoj4j.application.service.chat.tool.ToolTurn;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.NoteReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Step two of a turn: what the answer draws on. The slash command fixes the tools, or the model picks them; the notes
 * are searched when the plan uses them, then the other tools run; the {@code references} event reports all of it, and
 * an image or diagram the plan asks for is made after it. A plan to schedule a task gathers nothing: its runs will.
 */
final class ContextGatherer {

  /** Either the context the answer is written from, or the outcome that ends the turn here. */
  sealed interface Gathered {

    record Context(List<String> queries, List<NoteReference> references, ToolFindings found)
        implements Gathered {}

    record Stopped(ChatOutcome outcome) implements Gathered {}

    /** The user asked for something to be done later or repeatedly: the turn schedules it instead of answering. */
    record ScheduleRequested() implements Gathered {}
  }

  private final QueryContentUseCase content;
  private final SourcePicker picker;
  private final NotesSearch notes;
  private final ToolRunner toolRunner;
  private final ChatTools tools;

  ContextGatherer(
      QueryContentUseCase content,
      SourcePicker picker,
      NotesSearch notes,
      ToolRunner toolRunner,
      ChatTools tools) {
    this.tools = tools;
    this.content = content;
    this.picker = picker;
    this.notes = notes;
    this.toolRunner = toolRunner;
  }

  Gathered gather(ChatTurn turn, ConversationCommand command) {
    boolean hasNotes = turn.agent().agent().hasKnowledge()
        || content.hasDocuments(new ContentQuery.HasDocuments(turn.command().user()));
    if (command == ConversationCommand.NOTES && !hasNotes) {
      return new Gathered.Stopped(
          ChatReplies.answerWithoutModel(turn.sink(), Prompts.render("no-notes.md", Map.of())));
    }
    Optional<ToolPlan> plan = plan(turn, command, hasNotes);
    if (plan.isEmpty()) {
      return new Gathered.Stopped(new ChatOutcome.Cancelled());
    }
    if (picked(command) && plan.get().uses(ConversationCommand.RESEARCH)) {
      Optional<String> refused = tools.pickedResearchRefusal(turn.command().user());
      if (refused.isPresent()) {
        return new Gathered.Stopped(ChatReplies.answerWithoutModel(turn.sink(), refused.get()));
      }
    }
    if (plan.get().output() == ToolPlan.Output.AUTOMATION) {
      return new Gathered.ScheduleRequested();
    }
    ChatTurn.Progress carried = turn.progress(); // an interrupted turn's findings, or none
    List<String> queries = carried.queries();
    List<NoteReference> references = carried.references();
    ToolFindings found = carried.found();
    if (plan.get().uses(ConversationCommand.NOTES)) {
      Optional<NotesSearch.Found> searched = notes.search(turn);
      if (searched.isEmpty()) {
        return new Gathered.Stopped(new ChatOutcome.Cancelled());
      }
      queries = union(queries, searched.get().queries(), q -> q);
      references = union(references, searched.get().references(), NoteReference::compiled);
      turn.gathered(queries, references, found);
    }
    ToolTurn tools = turn.forTools(hasNotes ? notes.finder(turn) : NoteFinder.NONE);
    toolRunner.gather(plan.get(), tools, references, found);
    references = union(references, found.notes(), NoteReference::compiled);
    turn.gathered(queries, references, found);
    if (turn.cancelled()) {
      return new Gathered.Stopped(new ChatOutcome.Cancelled());
    }
    turn.sink()
        .emit(new ChatEvent.References(
            queries, references, found.onlineContext(), found.codeContext()));
    toolRunner.create(plan.get(), tools, found);
    turn.spent(found.usage());
    return new Gathered.Context(queries, references, found);
  }

  /** The first list, then what the second adds (the same key once). */
  private static <T> List<T> union(List<T> first, List<T> second, Function<T, String> key) {
    if (first.isEmpty()) {
      return second;
    }
    Set<String> seen = new HashSet<>();
    List<T> all = new ArrayList<>();
    for (T item : first) {
      if (seen.add(key.apply(item))) {
        all.add(item);
      }
    }
    for (T item : second) {
      if (seen.add(key.apply(item))) {
        all.add(item);
      }
    }
    return List.copyOf(all);
  }

  private static boolean picked(ConversationCommand command) {
    return command == ConversationCommand.DEFAULT || command == ConversationCommand.AUTOMATED_TASK;
  }

  /** The tools of the turn; empty when the client left while the model was choosing. */
  private Optional<ToolPlan> plan(ChatTurn turn, ConversationCommand command, boolean hasNotes) {
    return switch (command) {
      case DEFAULT, AUTOMATED_TASK -> {
        SourcePicker.Selection selection = picker.pick(
            turn.model(),
            turn.query(),
            turn.history(),
            hasNotes,
            command == ConversationCommand.DEFAULT,
            turn.allowed(),
            turn.persona(),
            turn::cancelled);
        if (turn.cancelled()) {
          yield Optional.empty();
        }
        turn.spent(selection.usage());
        turn.status("**Selected Tools:** " + selection.plan().describe());
        yield Optional.of(selection.plan());
      }
      default -> Optional.of(ToolPlan.forCommand(command));
    };
  }
}
