package io.khoj4j.adapter.web.in.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import java.util.List;
import java.util.Map;

/** Khoj's JSON for agents. */
final class AgentWebModels {

  private AgentWebModels() {}

  /** Khoj's ModifyAgentBody (create and update). */
  record ModifyAgentBody(
      String name,
      String persona,
      @JsonProperty("privacy_level") String privacyLevel,
      String icon,
      String color,
      @JsonProperty("chat_model") String chatModel,
      List<String> files,
      @JsonProperty("input_tools") List<String> inputTools,
      @JsonProperty("output_modes") List<String> outputModes,
      String slug,
      @JsonProperty("is_hidden") Boolean isHidden) {}

  record AgentPacket(
      String slug,
      String name,
      String persona,
      String creator,
      @JsonProperty("managed_by_admin") boolean managedByAdmin,
      String color,
      String icon,
      @JsonProperty("privacy_level") String privacyLevel,
      @JsonProperty("chat_model") String chatModel,
      List<String> files,
      @JsonProperty("input_tools") List<String> inputTools,
      @JsonProperty("output_modes") List<String> outputModes,
      @JsonProperty("is_hidden") boolean isHidden) {

    /** {@code creatorName}: the creator's username when the caller knows it, else null. */
    static AgentPacket of(Agent a, String creatorName) {
      return new AgentPacket(
          a.slug().value(),
          a.name(),
          a.persona(),
          creatorName,
          a.managedByAdmin(),
          a.color(),
          a.icon(),
          a.privacy().wireName(),
          a.chatModel().orElse(null),
          a.files(),
          tools(a),
          modes(a),
          a.hidden());
    }
  }

  /** {@code GET /api/agents/conversation}: the agent with what the caller may know of it. */
  record ConversationAgentPacket(
      String slug,
      String name,
      String persona,
      String creator,
      @JsonProperty("managed_by_admin") boolean managedByAdmin,
      String color,
      String icon,
      @JsonProperty("privacy_level") String privacyLevel,
      @JsonProperty("chat_model") String chatModel,
      @JsonProperty("has_files") boolean hasFiles,
      @JsonProperty("input_tools") List<String> inputTools,
      @JsonProperty("output_modes") List<String> outputModes,
      @JsonProperty("is_creator") boolean isCreator,
      @JsonProperty("is_hidden") boolean isHidden) {

    static ConversationAgentPacket of(Agent a, String creatorName, boolean isCreator) {
      return new ConversationAgentPacket(
          a.slug().value(),
          a.name(),
          a.persona(),
          creatorName,
          a.managedByAdmin(),
          a.color(),
          a.icon(),
          a.privacy().wireName(),
          a.chatModel().orElse(null),
          a.hasKnowledge(),
          tools(a),
          modes(a),
          isCreator,
          a.hidden());
    }
  }

  /** Khoj's body for {@code POST|PATCH /api/agents/hidden}. */
  record HiddenAgentBody(
      String slug,
      String persona,
      @JsonProperty("chat_model") String chatModel,
      @JsonProperty("input_tools") List<String> inputTools,
      @JsonProperty("output_modes") List<String> outputModes) {}

  /** Khoj's answer to {@code POST|PATCH /api/agents/hidden}. */
  record HiddenAgentPacket(
      String slug,
      String name,
      String persona,
      String creator,
      @JsonProperty("chat_model") String chatModel,
      @JsonProperty("input_tools") List<String> inputTools,
      @JsonProperty("output_modes") List<String> outputModes) {

    static HiddenAgentPacket of(Agent a, String creatorName) {
      return new HiddenAgentPacket(
          a.slug().value(),
          a.name(),
          a.persona(),
          creatorName,
          a.chatModel().orElse(null),
          tools(a),
          modes(a));
    }
  }

  static List<String> tools(Agent a) {
    return a.inputTools().stream().map(AgentInputTool::wireName).sorted().toList();
  }

  static List<String> modes(Agent a) {
    return a.outputModes().stream().map(AgentOutputMode::wireName).sorted().toList();
  }

  record AgentOptions(
      @JsonProperty("input_tools") Map<String, String> inputTools,
      @JsonProperty("output_modes") Map<String, String> outputModes) {}

  record ErrorBody(String error) {}

  record MessageBody(String message) {}
}
