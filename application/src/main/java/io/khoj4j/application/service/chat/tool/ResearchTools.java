package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.ToolServers;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.chat.ConversationCommand;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tools one research turn may use, named as Khoj names them: the notes when the turn has some, the web search,
 * page reader and code sandbox when configured — each only if the conversation's agent allows that source — and, when
 * the agent restricts no source, every tool of the operator's MCP servers as {@code <server>/<tool>}.
 */
final class ResearchTools {

  private static final Logger LOG = System.getLogger(ResearchTools.class.getName());

  static final String NOTES = "semantic_search_files";
  static final String WEB = "search_web";
  static final String PAGES = "read_webpage";
  static final String CODE = "python_coder";
  /** Characters of a server tool's result kept. */
  static final int SERVER_RESULT_CHARS = 10_000;

  /** Name → what the model reads about it (a server tool's also has its arguments' schema), in the order offered. */
  private final Map<String, String> offered;

  private final ToolServers servers;

  private ResearchTools(Map<String, String> offered, ToolServers servers) {
    this.offered = offered;
    this.servers = servers;
  }

  static ResearchTools offered(ChatTools tools, ToolTurn turn) {
    Map<String, String> offered = new LinkedHashMap<>();
    if (turn.notes() != NoteFinder.NONE && turn.allowed().allows(ConversationCommand.NOTES)) {
      offered.put(
          NOTES,
          "search the user's own notes and documents by meaning; query: what to look for, as a "
              + "question or a few words");
    }
    if (tools.webSearch().available() && turn.allowed().allows(ConversationCommand.ONLINE)) {
      offered.put(
          WEB, "search the web, for public facts and current events; query: what to search for");
    }
    if (tools.webReader().available() && turn.allowed().allows(ConversationCommand.WEBPAGE)) {
      offered.put(
          PAGES,
          "read web pages; query: their full addresses (http or https) and what to look for "
              + "in them");
    }
    if (tools.code().available() && turn.allowed().allows(ConversationCommand.CODE)) {
      offered.put(
          CODE,
          "have a Python program written and run, for exact calculations, data analysis or "
              + "charts; query: instructions for the program, with the data it needs");
    }
    List<ToolServers.Tool> serverTools =
        turn.allowed().restrictsNoSource() ? tools.servers().tools() : List.of();
    for (ToolServers.Tool tool : serverTools) {
      offered.putIfAbsent(
          tool.name(),
          tool.description() + "; query: unused; arguments: a JSON object of this schema: "
              + tool.parametersSchema());
    }
    return new ResearchTools(Collections.unmodifiableMap(offered), tools.servers());
  }

  boolean isEmpty() {
    return offered.isEmpty();
  }

  boolean offers(String tool) {
    return offered.containsKey(tool);
  }

  /** One line per tool for the planning prompt. */
  String describe() {
    return offered.entrySet().stream()
        .map(e -> "- " + e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  /** The JSON schema of the planner's reply: the tool is one of those offered or {@code answer}. */
  String schema() {
    String names =
        offered.keySet().stream().map(ResearchTools::quoted).collect(Collectors.joining(","));
    return "{\"type\":\"object\",\"properties\":{\"thought\":{\"type\":\"string\"},"
        + "\"tool\":{\"type\":\"string\",\"enum\":[" + names + "," + quoted(ResearchRunner.ANSWER)
        + "]},\"query\":{\"type\":\"string\"},\"arguments\":{\"type\":\"object\"}},"
        + "\"required\":[\"thought\",\"tool\"]}";
  }

  /** A tool server's answer, or why there is none, as the step's result. */
  String callServer(ToolTurn turn, String tool, String arguments) {
    turn.status("**Using** `" + tool + "`");
    try {
      return Prompts.cut(servers.call(tool, arguments), SERVER_RESULT_CHARS);
    } catch (UpstreamFailureException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "The tool {0} failed: {1}", tool, e.getMessage());
      turn.status("**" + tool + " failed**");
      return "The tool failed: " + e.getMessage();
    }
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
