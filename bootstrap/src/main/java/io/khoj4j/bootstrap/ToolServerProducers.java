package io.khoj4j.bootstrap;

import io.khoj4j.adapter.llm.out.mcp.McpToolServers;
import io.khoj4j.application.port.out.tools.ToolServers;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The operator's Model Context Protocol servers, whose tools the research loop may use (ADR 35). */
@ApplicationScoped
public class ToolServerProducers {

  /** {@code khoj.mcp.*}. */
  @ConfigMapping(prefix = "khoj.mcp")
  public interface McpSettings {

    /** By name (the {@code <server>} of the tools' {@code <server>/<tool>} names). */
    Map<String, Server> servers();

    /** Time a server has to start, list its tools, or run one. */
    @WithDefault("60s")
    Duration timeout();

    /** How long a server that failed is left alone before it is tried again. */
    @WithDefault("5m")
    Duration retryAfter();

    interface Server {
      /** An http(s) endpoint; set either this or {@link #command}. */
      Optional<URI> url();

      /** {@code streamable-http} (the current protocol) or {@code sse} (the 2024 HTTP+SSE one); for a URL. */
      @WithDefault("streamable-http")
      String transport();

      /** Sent as a bearer token to a URL. */
      Optional<String> apiKey();

      /** A local program and its arguments, spoken to over stdio (comma-separated). */
      Optional<List<String>> command();

      /** Environment variables of the local program. */
      Map<String, String> environment();
    }
  }

  /** No servers configured: the port that offers nothing. */
  @Produces
  @Singleton
  ToolServers toolServers(McpSettings settings, Clock clock) {
    if (settings.servers().isEmpty()) {
      return ToolServers.NONE;
    }
    List<McpToolServers.Server> servers = new ArrayList<>();
    settings.servers().forEach((name, server) -> servers.add(server(name, server)));
    return new McpToolServers(
        servers, new McpToolServers.Timeouts(settings.timeout(), settings.retryAfter()), clock);
  }

  void closeServers(@Disposes ToolServers servers) {
    if (servers instanceof McpToolServers mcp) {
      mcp.close();
    }
  }

  static McpToolServers.Server server(String name, McpSettings.Server server) {
    if (server.url().isPresent() == server.command().isPresent()) {
      throw new IllegalArgumentException("MCP server " + name + " needs either khoj.mcp.servers."
          + name + ".url or ." + name + ".command, not both or neither");
    }
    if (server.url().isPresent()) {
      String transport = server.transport().strip().toLowerCase(Locale.ROOT);
      if (!transport.equals("streamable-http") && !transport.equals("sse")) {
        throw new IllegalArgumentException("khoj.mcp.servers." + name
            + ".transport must be streamable-http or sse, not " + server.transport());
      }
      String scheme = String.valueOf(server.url().get().getScheme()).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("khoj.mcp.servers." + name
            + ".url must be http or https: " + server.url().get());
      }
      return new McpToolServers.Server.Http(
          name, server.url().get(), server.apiKey(), transport.equals("sse"));
    }
    return new McpToolServers.Server.Stdio(name, server.command().get(), server.environment());
  }
}
