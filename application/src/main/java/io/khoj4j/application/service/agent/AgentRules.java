package io.khoj4j.application.service.agent;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.agent.AgentSettings;
import io.khoj4j.application.port.out.agent.AgentKnowledge;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The checks the agent use cases share. Deny by default: an agent the caller may not read is "not found" everywhere;
 * one they may read but did not create is "forbidden" to change.
 */
final class AgentRules {

  private final AgentRepository agents;
  private final ChatModelRepository models;

  AgentRules(AgentRepository agents, ChatModelRepository models) {
    this.agents = agents;
    this.models = models;
  }

  /** The agent with this slug if the viewer may read it; else not found. */
  Agent readable(Optional<UserId> viewer, AgentSlug slug) {
    return agents.findReadable(viewer, slug).orElseThrow(() -> notFound(slug));
  }

  /** The editor's own agent with this slug: not found when unreadable, forbidden when someone else's. */
  Agent ownedBy(UserId editor, AgentSlug slug, String refusal) {
    Agent agent = readable(Optional.of(editor), slug);
    if (!agent.createdBy(editor)) {
      throw new ForbiddenException(refusal);
    }
    return agent;
  }

  /** The administrators' agent with this slug, whatever its privacy; else not found. */
  Agent managed(AgentSlug slug) {
    return agents.findManaged(slug).orElseThrow(() -> notFound(slug));
  }

  static String validName(String name) {
    try {
      return Agent.validName(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  /** Refuses a model that is not configured (whether the user's tier may use it is decided when the agent answers). */
  void checkModel(Optional<String> chatModel) {
    chatModel.ifPresent(name -> {
      if (!modelExists(name)) {
        throw new InvalidInputException("Chat model " + name + " is not available.");
      }
    });
  }

  boolean modelExists(String friendlyName) {
    return models.models().stream().map(ChatModel::friendlyName).anyMatch(friendlyName::equals);
  }

  /** Refuses knowledge files the creator has not indexed, before anything is written. */
  static void checkFiles(AgentKnowledge knowledge, UserId creator, List<String> files) {
    if (files.isEmpty()) {
      return;
    }
    Set<String> indexed = knowledge.indexed(creator, files);
    List<String> missing = files.stream().filter(f -> !indexed.contains(f)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "Not an indexed file of yours: " + String.join(", ", missing));
    }
  }

  static Agent build(
      UUID id,
      AgentSlug slug,
      Optional<UserId> creator,
      String name,
      AgentSettings settings,
      Instant createdAt,
      Instant updatedAt) {
    return new Agent(
        id,
        slug,
        creator,
        name,
        settings.persona(),
        settings.privacy(),
        settings.chatModel(),
        settings.inputTools(),
        settings.outputModes(),
        settings.color(),
        settings.icon(),
        settings.hidden(),
        createdAt,
        updatedAt,
        settings.files());
  }

  static NotFoundException notFound(AgentSlug slug) {
    return new NotFoundException("Agent with name " + slug + " not found.");
  }
}
