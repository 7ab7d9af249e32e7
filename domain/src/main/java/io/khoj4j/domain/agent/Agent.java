package io.khoj4j.domain.agent;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A persona with its own model, tools and knowledge. An agent without a creator is managed by the administrators
 * (the default agent {@code khoj} is one). Empty tool or mode sets mean "all of them", as in Khoj.
 *
 * @param chatModel the friendly name of the agent's chat model; empty means the server's (or the user's) default
 * @param files the creator's files whose entries were copied into the agent's knowledge when it was last saved
 */
public record Agent(
    UUID id,
    AgentSlug slug,
    Optional<UserId> creator,
    String name,
    String persona,
    AgentPrivacy privacy,
    Optional<String> chatModel,
    Set<AgentInputTool> inputTools,
    Set<AgentOutputMode> outputModes,
    String color,
    String icon,
    boolean hidden,
    Instant createdAt,
    Instant updatedAt,
    List<String> files) {

  public static final int MAX_NAME_LENGTH = 200;
  public static final String DEFAULT_COLOR = "orange";
  public static final String DEFAULT_ICON = "Lightbulb";
  public static final AgentSlug DEFAULT_SLUG = AgentSlug.of("khoj");

  public Agent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(chatModel, "chat model");
    Objects.requireNonNull(createdAt, "created at");
    Objects.requireNonNull(updatedAt, "updated at");
    name = validName(name);
    persona = persona == null ? "" : persona;
    inputTools = inputTools == null || inputTools.isEmpty()
        ? Set.of()
        : Set.copyOf(EnumSet.copyOf(inputTools));
    outputModes = outputModes == null || outputModes.isEmpty()
        ? Set.of()
        : Set.copyOf(EnumSet.copyOf(outputModes));
    color = color == null || color.isBlank() ? DEFAULT_COLOR : color;
    icon = icon == null || icon.isBlank() ? DEFAULT_ICON : icon;
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** An agent without knowledge files. */
  public Agent(
      UUID id,
      AgentSlug slug,
      Optional<UserId> creator,
      String name,
      String persona,
      AgentPrivacy privacy,
      Optional<String> chatModel,
      Set<AgentInputTool> inputTools,
      Set<AgentOutputMode> outputModes,
      String color,
      String icon,
      boolean hidden,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        slug,
        creator,
        name,
        persona,
        privacy,
        chatModel,
        inputTools,
        outputModes,
        color,
        icon,
        hidden,
        createdAt,
        updatedAt,
        List.of());
  }

  /** Whether the agent has knowledge of its own to search. */
  public boolean hasKnowledge() {
    return !files.isEmpty();
  }

  /** The trimmed name; rejects a blank or over-long one. */
  public static String validName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an agent needs a name");
    }
    String trimmed = name.strip();
    if (trimmed.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "an agent's name has at most " + MAX_NAME_LENGTH + " characters");
    }
    return trimmed;
  }

  public boolean managedByAdmin() {
    return creator.isEmpty();
  }

  public boolean isDefault() {
    return slug.equals(DEFAULT_SLUG);
  }

  public boolean createdBy(UserId user) {
    return creator.map(user::equals).orElse(false);
  }

  /** Reading by slug (and chatting): public, protected, or the caller's own. Anonymous callers: public only. */
  public boolean readableBy(Optional<UserId> viewer) {
    return switch (privacy) {
      case PUBLIC, PROTECTED -> true;
      case PRIVATE -> viewer.map(this::createdBy).orElse(false);
    };
  }

  /** Listing: the administrators' public agents to everyone, and the caller's own visible ones. */
  public boolean listedTo(Optional<UserId> viewer) {
    if (managedByAdmin()) {
      return privacy == AgentPrivacy.PUBLIC && !hidden;
    }
    return !hidden && viewer.map(this::createdBy).orElse(false);
  }

  /** May this input tool be used? Empty means all. */
  public boolean allows(AgentInputTool tool) {
    return inputTools.isEmpty() || inputTools.contains(tool);
  }

  /** May the agent answer in this mode? Empty means all. */
  public boolean allows(AgentOutputMode mode) {
    return outputModes.isEmpty() || outputModes.contains(mode);
  }
}
