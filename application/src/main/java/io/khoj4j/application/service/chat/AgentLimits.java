package io.khoj4j.application.service.chat;

import io.khoj4j.application.port.in.agent.EffectiveAgent;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.application.service.chat.tool.AllowedTools;
import io.khoj4j.application.service.chat.tool.ToolPlan;
import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import io.khoj4j.domain.chat.ConversationCommand;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the conversation's agent lets a turn do: its input tools bound the sources (slash commands and the model's own
 * choice alike), its output modes the images and diagrams. Any agent may research: the loop uses only the sources the
 * agent allows (and the operator's tool servers only for an agent that restricts none).
 */
final class AgentLimits {

  private AgentLimits() {}

  /** The sources and outputs the agent allows. */
  static AllowedTools allowed(EffectiveAgent agent) {
    Set<ConversationCommand> sources = EnumSet.noneOf(ConversationCommand.class);
    for (AgentInputTool tool : AgentInputTool.values()) {
      if (agent.allows(tool)) {
        sources.add(source(tool));
      }
    }
    sources.add(ConversationCommand.RESEARCH);
    Set<ToolPlan.Output> outputs = EnumSet.of(ToolPlan.Output.TEXT);
    if (agent.allows(AgentOutputMode.IMAGE)) {
      outputs.add(ToolPlan.Output.IMAGE);
    }
    if (agent.allows(AgentOutputMode.DIAGRAM)) {
      outputs.add(ToolPlan.Output.DIAGRAM);
    }
    // Scheduling a task is not one of the output modes an agent is given: any agent's conversation
    // may ask for one.
    outputs.add(ToolPlan.Output.AUTOMATION);
    return new AllowedTools(sources, outputs);
  }

  /** The reply to a slash command the agent was not given; empty when it may proceed. */
  static Optional<String> refusal(EffectiveAgent agent, ConversationCommand command) {
    AllowedTools allowed = allowed(agent);
    boolean refused = switch (command) {
      case DEFAULT, AUTOMATED_TASK -> false;
      case IMAGE -> !allowed.allows(ToolPlan.Output.IMAGE);
      case DIAGRAM -> !allowed.allows(ToolPlan.Output.DIAGRAM);
      default -> !allowed.allows(command);
    };
    if (!refused) {
      return Optional.empty();
    }
    return Optional.of(Prompts.render(
        "agent-refused.md", Map.of("agent", agent.agent().name(), "command", command.keyword())));
  }

  private static ConversationCommand source(AgentInputTool tool) {
    return switch (tool) {
      case GENERAL -> ConversationCommand.GENERAL;
      case NOTES -> ConversationCommand.NOTES;
      case ONLINE -> ConversationCommand.ONLINE;
      case WEBPAGE -> ConversationCommand.WEBPAGE;
      case CODE -> ConversationCommand.CODE;
    };
  }
}
