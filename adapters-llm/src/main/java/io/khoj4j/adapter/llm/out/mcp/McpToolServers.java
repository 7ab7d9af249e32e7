package io.khoj4j.adapter.llm.out.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.DefaultMcpToolResultExtractor;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpToolResultExtractor;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.client.transport.http.HttpMcpTransport;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.khoj4j.adapter.llm.out.SharedJson;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.ToolServers;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The operator's Model Context Protocol servers through LangChain4j's MCP client: an http(s) server over the
 * streamable HTTP transport (or the older SSE one), a local program over stdio. A server is connected on first use,
 * not at start-up; one that fails is left alone for {@code retryAfter} and then tried again, so a server that is down
 * offers no tools instead of failing the research. Tools are named {@code <server>/<tool>}.
 */
public final class McpToolServers implements ToolServers, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(McpToolServers.class);

  /** One server the operator configured. */
  public sealed interface Server {
    String name();

    /** An http(s) endpoint; {@code apiKey} is sent as a bearer token; {@code sse}: the 2024 HTTP+SSE transport. */
    record Http(String name, URI url, Optional<String> apiKey, boolean sse) implements Server {
      public Http {
        checkName(name);
        Objects.requireNonNull(url, "url");
        apiKey = apiKey == null ? Optional.empty() : apiKey.filter(k -> !k.isBlank());
      }
    }

    /** A local program spoken to over its standard input and output. */
    record Stdio(String name, List<String> command, Map<String, String> environment)
        implements Server {
      public Stdio {
        checkName(name);
        command = List.copyOf(command);
        if (command.isEmpty()) {
          throw new IllegalArgumentException("MCP server " + name + " needs a command");
        }
        environment = environment == null ? Map.of() : Map.copyOf(environment);
      }
    }

    private static void checkName(String name) {
      if (name == null || name.isBlank() || name.contains("/")) {
        throw new IllegalArgumentException("an MCP server needs a name without '/': " + name);
      }
    }
  }

  /** How long the server has to start, to list its tools, and to run one tool; and the wait after a failure. */
  public record Timeouts(Duration call, Duration retryAfter) {
    public Timeouts {
      Objects.requireNonNull(call, "call");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  /** Marks a tool's own error text on its way through the client (see {@link Connection#extract}). */
  private static final String TOOL_ERROR_MARK = "\u0000tool-error\u0000";

  private static final McpToolResultExtractor DEFAULT_EXTRACTOR =
      new DefaultMcpToolResultExtractor();

  private final Map<String, Connection> connections = new LinkedHashMap<>();

  public McpToolServers(List<Server> servers, Timeouts timeouts, Clock clock) {
    for (Server server : servers) {
      if (connections.putIfAbsent(server.name(), new Connection(server, timeouts, clock)) != null) {
        throw new IllegalArgumentException("two MCP servers are named " + server.name());
      }
    }
  }

  @Override
  public List<Tool> tools() {
    List<Tool> tools = new ArrayList<>();
    for (Connection connection : connections.values()) {
      McpClient client;
      try {
        client = connection.client();
      } catch (UpstreamFailureException unreachable) {
        continue;
      }
      try {
        for (ToolSpecification spec : client.listTools()) {
          tools.add(new Tool(
              connection.server.name() + "/" + spec.name(), spec.description(), schema(spec)));
        }
      } catch (RuntimeException e) {
        connection.failed(e);
      }
    }
    return List.copyOf(tools);
  }

  /**
   * A tool's own error (the server ran it and it failed: {@code isError} in its result) is its result, as the protocol
   * means it; anything else that goes wrong is the server's failure.
   */
  @Override
  public String call(String tool, String argumentsJson) {
    int slash = tool.indexOf('/');
    Connection connection = slash < 0 ? null : connections.get(tool.substring(0, slash));
    if (connection == null) {
      throw new IllegalArgumentException("no tool server offers " + tool);
    }
    String name = tool.substring(slash + 1);
    McpClient client = connection.client();
    ToolExecutionResult result;
    try {
      result = client.executeTool(ToolExecutionRequest.builder()
          .name(name)
          .arguments(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson)
          .build());
    } catch (ToolExecutionException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(TOOL_ERROR_MARK)) {
        return toolError(e.getMessage());
      }
      connection.failed(e);
      throw new UpstreamFailureException(
          "MCP server " + connection.server.name() + " failed to run " + name + ": " + message(e),
          true,
          e);
    } catch (RuntimeException e) {
      connection.failed(e);
      throw new UpstreamFailureException(
          "MCP server " + connection.server.name() + " failed to run " + name + ": " + message(e),
          true,
          e);
    }
    String text = result.resultText() == null ? "" : result.resultText();
    return result.isError() ? toolError(text) : text;
  }

  @Override
  public void close() {
    connections.values().forEach(Connection::close);
  }

  private static String toolError(String text) {
    return "Error: " + text.replace(TOOL_ERROR_MARK, "");
  }

  private static String schema(ToolSpecification spec) {
    if (spec.parameters() == null) {
      return "{\"type\":\"object\"}";
    }
    try {
      return SharedJson.MAPPER.writeValueAsString(
          JsonSchemaElementJsonUtils.toMap(spec.parameters()));
    } catch (JsonProcessingException e) {
      return "{\"type\":\"object\"}";
    }
  }

  private static String message(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null
        && (cause.getMessage() == null || cause.getMessage().isBlank())) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /** One server's client, made on first use and dropped when it fails. */
  private static final class Connection {

    private final Server server;
    private final Timeouts timeouts;
    private final Clock clock;
    private McpClient client;
    private Instant failedAt;

    Connection(Server server, Timeouts timeouts, Clock clock) {
      this.server = server;
      this.timeouts = timeouts;
      this.clock = clock;
    }

    synchronized McpClient client() {
      if (client != null) {
        return client;
      }
      if (failedAt != null && clock.instant().isBefore(failedAt.plus(timeouts.retryAfter()))) {
        throw new UpstreamFailureException(
            "MCP server " + server.name() + " failed recently; next try after "
                + failedAt.plus(timeouts.retryAfter()),
            true,
            null);
      }
      try {
        client = new DefaultMcpClient.Builder()
            .key(server.name())
            .clientName("khoj4j")
            .transport(transport())
            .initializationTimeout(timeouts.call())
            .toolExecutionTimeout(timeouts.call())
            .toolExecutionTimeoutErrorMessage("the tool did not answer within " + timeouts.call())
            .cacheToolList(true)
            .toolResultExtractor(Connection::extract)
            .autoHealthCheck(false)
            .build();
        failedAt = null;
        return client;
      } catch (RuntimeException e) {
        failed(e);
        throw new UpstreamFailureException(
            "MCP server " + server.name() + " could not be reached: " + message(e), true, e);
      }
    }

    /**
     * LangChain4j's reading of a {@code tools/call} result, with a tool's error text marked: the client raises the same
     * exception for a tool's error result as for a failed request, and the mark tells them apart.
     */
    private static ToolExecutionResult extract(JsonNode content, boolean isError) {
      ToolExecutionResult read = DEFAULT_EXTRACTOR.extract(content, isError);
      if (!isError) {
        return read;
      }
      return ToolExecutionResult.builder()
          .isError(true)
          .resultText(TOOL_ERROR_MARK + read.resultText())
          .build();
    }

    private McpTransport transport() {
      return switch (server) {
        case Server.Http http
        when http.sse() ->
          new HttpMcpTransport.Builder()
              .sseUrl(http.url().toString())
              .customHeaders(headers(http))
              .timeout(timeouts.call())
              .build();
        case Server.Http http ->
          new StreamableHttpMcpTransport.Builder()
              .url(http.url().toString())
              .customHeaders(headers(http))
              .timeout(timeouts.call())
              .build();
        case Server.Stdio stdio ->
          new StdioMcpTransport.Builder()
              .command(stdio.command())
              .environment(stdio.environment())
              .build();
      };
    }

    private static Map<String, String> headers(Server.Http http) {
      return http.apiKey().map(k -> Map.of("Authorization", "Bearer " + k)).orElse(Map.of());
    }

    synchronized void failed(RuntimeException e) {
      LOG.warnf("MCP server %s failed: %s", server.name(), message(e));
      failedAt = clock.instant();
      close();
    }

    synchronized void close() {
      if (client == null) {
        return;
      }
      try {
        client.close();
      } catch (Exception e) {
        LOG.debugf("Closing MCP server %s: %s", server.name(), e.getMessage());
      }
      client = null;
    }
  }
}
