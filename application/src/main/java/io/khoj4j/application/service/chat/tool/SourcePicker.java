package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.port.out.chat.ChatCompletion;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.TokenUsage;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The default mode (no slash command): the model picks the sources of the answer and its form among those this
 * server can offer — notes only when the user has some, the web, web pages and programs only when their ports are
 * available, the research loop when it has something to research with (alone then: it searches by itself), images and diagrams likewise,
 * and an automation when the turn may create one (never in an automation's own
 * run) — and of those, only what the conversation's agent was given. With nothing to choose between, no model call is
 * made; without a model, or when its reply is unusable, the notes are searched when there are any and the agent may
 * search them.
 */
public final class SourcePicker {

  private static final Logger LOG = System.getLogger(SourcePicker.class.getName());

  public record Selection(ToolPlan plan, TokenUsage usage) {}

  private final ModelCalls calls;
  private final ChatTools tools;

  public SourcePicker(ModelCalls calls, ChatTools tools) {
    this.calls = calls;
    this.tools = tools;
  }

  public Selection pick(
      Optional<ChatModelEndpoint> model,
      String q,
      List<ChatMessage> history,
      boolean hasNotes,
      boolean mayAutomate,
      AllowedTools allowed,
      Optional<PromptBuilder.Persona> persona,
      BooleanSupplier stop) {
    Menu menu = menu(hasNotes, mayAutomate, allowed);
    ToolPlan fallback = hasNotes && menu.sources().containsKey(ConversationCommand.NOTES)
        ? new ToolPlan(Set.of(ConversationCommand.NOTES), ToolPlan.Output.TEXT)
        : ToolPlan.general();
    if (menu.sources().size() <= 1 && menu.outputs().size() == 1) {
      return new Selection(
          menu.sources().isEmpty()
              ? ToolPlan.general()
              : new ToolPlan(menu.sources().keySet(), ToolPlan.Output.TEXT),
          TokenUsage.NONE);
    }
    if (model.isEmpty()) {
      return new Selection(fallback, TokenUsage.NONE);
    }
    String prompt = Prompts.render(
        "pick-sources.txt",
        Map.of(
            "persona",
            PromptBuilder.Persona.context(persona),
            "sources",
            list(menu.sources(), ConversationCommand::keyword),
            "outputs",
            list(menu.outputs(), ToolPlan.Output::keyword),
            "history",
            PromptBuilder.formatHistory(history, 6),
            "query",
            q));
    String sourceNames = quoted(
        menu.sources().keySet().stream().map(ConversationCommand::keyword).toList());
    String outputNames =
        quoted(menu.outputs().keySet().stream().map(ToolPlan.Output::keyword).toList());
    String schema =
        "{\"type\":\"object\",\"properties\":{\"source\":{\"type\":\"array\",\"items\":{"
            + "\"type\":\"string\",\"enum\":[" + sourceNames
            + "]}},\"output\":{\"type\":\"string\",\"enum\":["
            + outputNames + "]}},\"required\":[\"source\"]}";
    return calls
        .json(model.get(), prompt, schema, "pick sources", stop)
        .map(c -> new Selection(chosen(c, menu, fallback), c.usage()))
        .orElseGet(() -> new Selection(fallback, TokenUsage.NONE));
  }

  /** What the model may choose from, each with the words that tell it when. */
  private record Menu(
      Map<ConversationCommand, String> sources, Map<ToolPlan.Output, String> outputs) {}

  private Menu menu(boolean hasNotes, boolean mayAutomate, AllowedTools allowed) {
    Map<ConversationCommand, String> sources = sources(hasNotes);
    Map<ToolPlan.Output, String> outputs = outputs(mayAutomate);
    sources.keySet().removeIf(source -> !allowed.allows(source));
    outputs.keySet().removeIf(output -> !allowed.allows(output));
    return new Menu(sources, outputs);
  }

  /** The sources this server can use, with when to use each. */
  private Map<ConversationCommand, String> sources(boolean hasNotes) {
    Map<ConversationCommand, String> sources = new LinkedHashMap<>();
    sources.put(
        ConversationCommand.GENERAL, "general knowledge, conversation, or help with writing");
    if (hasNotes) {
      sources.put(
          ConversationCommand.NOTES,
          "the user's own notes and documents: anything about their life, work, "
              + "plans, or what they have written down");
    }
    if (tools.webSearch().available()) {
      sources.put(
          ConversationCommand.ONLINE,
          "a web search, for current events or public facts that may have "
              + "changed or that general knowledge may lack");
    }
    if (tools.webReader().available()) {
      sources.put(
          ConversationCommand.WEBPAGE,
          "reading particular web pages whose addresses are in the message or "
              + "the conversation");
    }
    if (tools.code().available()) {
      sources.put(
          ConversationCommand.CODE,
          "running a Python program, for exact calculations, data analysis, or "
              + "making charts and files");
    }
    if (tools.canResearch(hasNotes)) {
      sources.put(
          ConversationCommand.RESEARCH,
          "a research loop of several searches and readings, slow: only for "
              + "questions that need a thorough, comprehensive answer");
    }
    return sources;
  }

  /** The kinds of answer this server can give, with when to give each. */
  private Map<ToolPlan.Output, String> outputs(boolean mayAutomate) {
    Map<ToolPlan.Output, String> outputs = new LinkedHashMap<>();
    outputs.put(ToolPlan.Output.TEXT, "a written answer");
    if (tools.images().available()) {
      outputs.put(ToolPlan.Output.IMAGE, "a picture, when the user asks for one to be made");
    }
    if (tools.diagrams().available()) {
      outputs.put(
          ToolPlan.Output.DIAGRAM,
          "a diagram (flowchart, sequence, mind map, timeline, …), when the user "
              + "asks for one or it explains best");
    }
    if (mayAutomate) {
      outputs.put(
          ToolPlan.Output.AUTOMATION,
          "a scheduled task, only when the user asks for something to be done "
              + "at a later time or repeatedly (a reminder, a daily digest, a weekly summary)");
    }
    return outputs;
  }

  /** The model's choice, kept to what was offered; research alone when chosen (it searches by itself). */
  private ToolPlan chosen(ChatCompletion c, Menu menu, ToolPlan fallback) {
    Set<ConversationCommand> chosen = EnumSet.noneOf(ConversationCommand.class);
    for (String name : calls.strings(c, "source")) {
      menu.sources().keySet().stream()
          .filter(s -> s.keyword().equalsIgnoreCase(name))
          .forEach(chosen::add);
    }
    ToolPlan.Output output = calls
        .string(c, "output")
        .flatMap(name -> menu.outputs().keySet().stream()
            .filter(o -> o.keyword().equalsIgnoreCase(name))
            .findFirst())
        .orElse(ToolPlan.Output.TEXT);
    if (chosen.contains(ConversationCommand.RESEARCH)) {
      chosen = EnumSet.of(ConversationCommand.RESEARCH);
    }
    if (chosen.isEmpty()) {
      LOG.log(Level.DEBUG, "No usable source in the model's choice: {0}", c.text());
      chosen = fallback.sources();
    }
    return new ToolPlan(chosen, output);
  }

  private static <K> String list(Map<K, String> described, Function<K, String> name) {
    List<String> lines = new ArrayList<>();
    described.forEach((key, what) -> lines.add("- " + name.apply(key) + ": " + what));
    return String.join("\n", lines);
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","));
  }
}
