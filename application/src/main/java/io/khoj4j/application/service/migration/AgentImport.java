package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.out.agent.AgentKnowledge;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.user.UserId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Agents, with their slugs (conversations and shared links name them; the mapping holds the slug). The default agent is this server's own. An
 * agent's knowledge is copied from its creator's imported files of the same names (ADR 16).
 */
final class AgentImport {

  static final String AGENTS = "database_agent";

  private final AgentRepository agents;
  private final AgentKnowledge knowledge;
  private final ChatModelRepository models;
  private final IdGenerator ids;

  AgentImport(
      AgentRepository agents,
      AgentKnowledge knowledge,
      ChatModelRepository models,
      IdGenerator ids) {
    this.agents = agents;
    this.knowledge = knowledge;
    this.models = models;
    this.ids = ids;
  }

  void run(KhojSource source, ImportRun run) {
    run.each(
        "agents",
        source::agents,
        KhojSource.Agent::key,
        a -> run.once("agents", AGENTS, a.key(), () -> importAgent(a, run)));
  }

  private Optional<String> importAgent(KhojSource.Agent a, ImportRun run) {
    AgentSlug slug = AgentSlug.of(a.slug());
    if (slug.equals(Agent.DEFAULT_SLUG)) {
      run.skip("agents", a.name(), "this server has its own default agent");
      return Optional.empty();
    }
    Optional<UserId> creator = a.managedByAdmin() ? Optional.empty() : run.user(a.creatorKey());
    if (!a.managedByAdmin() && creator.isEmpty()) {
      run.skip("agents", a.name(), "its creator was not imported");
      return Optional.empty();
    }
    Optional<Agent> taken = agents.findReadable(creator, slug);
    if (taken.isPresent()) {
      if (taken.get().creator().equals(creator)) {
        return Optional.of(slug.value());
      }
      run.skip("agents", a.name(), "an agent here already has the slug " + slug.value());
      return Optional.empty();
    }
    Set<String> files = knowledgeFiles(a, creator, run);
    Agent agent = new Agent(
        ids.newId(),
        slug,
        creator,
        a.name(),
        a.personality(),
        AgentPrivacy.fromWire(a.privacy()).orElse(AgentPrivacy.PRIVATE),
        chatModel(a, run),
        tools(a, run),
        modes(a, run),
        a.color(),
        a.icon(),
        a.hidden(),
        a.createdAt(),
        a.updatedAt(),
        List.copyOf(files));
    if (creator.isEmpty()) {
      agents.saveManaged(agent);
    } else {
      agents.insert(agent);
      if (!files.isEmpty()) {
        knowledge.replace(agent.id(), creator.get(), files);
      }
    }
    return Optional.of(slug.value());
  }

  /** The agent's files that its creator's imported notes hold; the others are reported. */
  private Set<String> knowledgeFiles(KhojSource.Agent a, Optional<UserId> creator, ImportRun run) {
    Set<String> files = creator.map(c -> knowledge.indexed(c, a.files())).orElse(Set.of());
    TreeSet<String> missing = new TreeSet<>(a.files());
    missing.removeAll(files);
    if (!missing.isEmpty()) {
      run.skip(
          "agent knowledge",
          a.name() + ": " + String.join(", ", missing),
          "the creator's imported files do not hold these files");
    }
    return files;
  }

  /** The friendly name of the imported model the agent used; the server's default when it was not imported. */
  private Optional<String> chatModel(KhojSource.Agent a, ImportRun run) {
    Optional<String> name = Optional.ofNullable(a.chatModelKey())
        .flatMap(key -> run.localId(ModelImport.MODELS, key))
        .flatMap(id -> models.model(Long.parseLong(id)))
        .map(ChatModel::friendlyName);
    if (name.isEmpty() && a.chatModelKey() != null) {
      run.skip(
          "agent models", a.name(), "its chat model was not imported: it uses the default model");
    }
    return name;
  }

  /**
   * The agent's sources. Values this server does not know (Khoj's older tools) are left out; an agent that listed only
   * such values stays restricted, to general knowledge, as Khoj treats it (no sources listed here would mean all).
   */
  private static Set<AgentInputTool> tools(KhojSource.Agent a, ImportRun run) {
    Set<AgentInputTool> out = EnumSet.noneOf(AgentInputTool.class);
    a.inputTools().forEach(w -> AgentInputTool.fromWire(w).ifPresent(out::add));
    if (out.isEmpty() && !a.inputTools().isEmpty()) {
      run.skip(
          "agent tools",
          a.name(),
          "its tools " + a.inputTools()
              + " are not known here: it is limited to general knowledge");
      return EnumSet.of(AgentInputTool.GENERAL);
    }
    return out;
  }

  /**
   * The agent's output modes; values this server does not know are left out. An agent that listed only such values
   * (Khoj's older {@code text}) cannot be limited to text here, so the report says it may now make images and diagrams.
   */
  private static Set<AgentOutputMode> modes(KhojSource.Agent a, ImportRun run) {
    Set<AgentOutputMode> out = EnumSet.noneOf(AgentOutputMode.class);
    a.outputModes().forEach(w -> AgentOutputMode.fromWire(w).ifPresent(out::add));
    if (out.isEmpty() && !a.outputModes().isEmpty()) {
      run.skip(
          "agent output modes",
          a.name(),
          "its output modes " + a.outputModes()
              + " are not known here: it may make images and diagrams");
    }
    return out;
  }
}
