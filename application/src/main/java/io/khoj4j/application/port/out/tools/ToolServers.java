package io.khoj4j.application.port.out.tools;

import java.util.List;
import java.util.Objects;

/**
 * The tools of the Model Context Protocol servers the operator configured, offered to the research loop. A tool is
 * named {@code <server>/<tool>}; a server that cannot be reached offers no tools until it can be.
 */
public interface ToolServers {

  /** Every tool of every reachable server; empty when none is configured. */
  List<Tool> tools();

  /**
   * Calls a tool with its arguments, a JSON object; gives the tool's text result. A tool that reports an error gives
   * its error text (the loop reads it like any result).
   *
   * @throws IllegalArgumentException when no server offers a tool of that name
   * @throws io.khoj4j.application.error.UpstreamFailureException when the server cannot be reached, times out, or
   *     answers malformed
   */
  String call(String tool, String argumentsJson);

  /** A tool as the model sees it: its name, what it does, and the JSON schema of its arguments. */
  record Tool(String name, String description, String parametersSchema) {
    public Tool {
      Objects.requireNonNull(name, "name");
      description = description == null ? "" : description.strip();
      parametersSchema = parametersSchema == null || parametersSchema.isBlank()
          ? "{\"type\":\"object\"}"
          : parametersSchema;
    }
  }

  ToolServers NONE = new ToolServers() {
    @Override
    public List<Tool> tools() {
      return List.of();
    }

    @Override
    public String call(String tool, String argumentsJson) {
      throw new IllegalArgumentException("no tool server offers " + tool);
    }
  };
}
