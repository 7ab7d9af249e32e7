package io.khoj4j.application.service.chat.tool;

import io.khoj4j.domain.chat.ConversationCommand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a turn uses: the sources its answer draws on (general knowledge, notes, the web, a web page, a program, or the
 * research loop) and the form of what it makes besides the text (an image, a diagram, an automation). A slash command fixes it;
 * without one the model picks ({@link SourcePicker}).
 */
public record ToolPlan(Set<ConversationCommand> sources, Output output) {

  /**
   * What the turn makes: a text answer, an image or diagram with a text answer, or an automation (the user asked for
   * something to be done later or repeatedly: the turn schedules it, and its runs answer).
   */
  public enum Output {
    TEXT,
    IMAGE,
    DIAGRAM,
    AUTOMATION;

    String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The sources a turn may draw on. */
  static final Set<ConversationCommand> SOURCES = EnumSet.of(
      ConversationCommand.GENERAL,
      ConversationCommand.NOTES,
      ConversationCommand.ONLINE,
      ConversationCommand.WEBPAGE,
      ConversationCommand.CODE,
      ConversationCommand.RESEARCH);

  public ToolPlan {
    Objects.requireNonNull(output, "output");
    if (sources.isEmpty() || !SOURCES.containsAll(sources)) {
      throw new IllegalArgumentException("not a set of sources: " + sources);
    }
    sources = Collections.unmodifiableSet(EnumSet.copyOf(sources));
  }

  public static ToolPlan general() {
    return new ToolPlan(Set.of(ConversationCommand.GENERAL), Output.TEXT);
  }

  /** The plan a slash command fixes; DEFAULT and AUTOMATED_TASK leave the choice to the model. */
  public static ToolPlan forCommand(ConversationCommand command) {
    return switch (command) {
      case GENERAL, NOTES, ONLINE, WEBPAGE, CODE, RESEARCH ->
        new ToolPlan(Set.of(command), Output.TEXT);
      case IMAGE -> new ToolPlan(Set.of(ConversationCommand.GENERAL), Output.IMAGE);
      case DIAGRAM -> new ToolPlan(Set.of(ConversationCommand.GENERAL), Output.DIAGRAM);
      case DEFAULT, AUTOMATED_TASK ->
        throw new IllegalArgumentException("the model picks the tools for " + command);
    };
  }

  public boolean uses(ConversationCommand source) {
    return sources.contains(source);
  }

  /** Khoj's status text, e.g. {@code notes, online, text}; general knowledge is named only when used alone. */
  public String describe() {
    List<String> names = new ArrayList<>();
    for (ConversationCommand source : sources) {
      if (source != ConversationCommand.GENERAL || sources.size() == 1) {
        names.add(source.keyword());
      }
    }
    names.add(output.keyword());
    return String.join(", ", names);
  }
}
