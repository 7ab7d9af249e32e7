package io.khoj4j.application.service.chat.tool;

import io.khoj4j.domain.chat.ConversationCommand;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The sources and outputs a turn may use: all of them, or those the conversation's agent was given. A text answer is
 * always allowed.
 */
public record AllowedTools(Set<ConversationCommand> sources, Set<ToolPlan.Output> outputs) {

  public static final AllowedTools ALL =
      new AllowedTools(ToolPlan.SOURCES, EnumSet.allOf(ToolPlan.Output.class));

  public AllowedTools {
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(outputs, "outputs");
    sources = sources.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(sources));
    EnumSet<ToolPlan.Output> withText = EnumSet.of(ToolPlan.Output.TEXT);
    withText.addAll(outputs);
    outputs = Collections.unmodifiableSet(withText);
  }

  public boolean allows(ConversationCommand source) {
    return sources.contains(source);
  }

  /** Whether every source is allowed: no agent's restriction applies. */
  public boolean restrictsNoSource() {
    return sources.containsAll(ToolPlan.SOURCES);
  }

  public boolean allows(ToolPlan.Output output) {
    return outputs.contains(output);
  }
}
