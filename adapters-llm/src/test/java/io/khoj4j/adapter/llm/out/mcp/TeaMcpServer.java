package io.khoj4j.adapter.llm.out.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A small Model Context Protocol server over stdio, run as its own process by the tests: JSON-RPC 2.0 messages, one
 * per line, as the protocol's stdio transport sends them. It answers {@code initialize}, {@code tools/list} and
 * {@code tools/call} for two tools: {@code price} (an error result for a tea it does not know) and {@code slow}
 * (answers after ten seconds).
 */
public final class TeaMcpServer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TeaMcpServer() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode request = JSON.readTree(line);
      if (!request.has("id") || !request.has("method")) {
        continue;
      }
      JsonNode result = answer(request.get("method").asText(), request.path("params"));
      ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
      response.set("id", request.get("id"));
      response.set("result", result);
      out.println(JSON.writeValueAsString(response));
    }
  }

  private static JsonNode answer(String method, JsonNode params) throws Exception {
    return switch (method) {
      case "initialize" ->
        JSON.readTree(
            "{\"protocolVersion\":\"" + params.path("protocolVersion").asText("2025-06-18")
                + "\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"tea\",\"version\":\"1\"}}");
      case "tools/list" ->
        JSON.readTree("{\"tools\":[{\"name\":\"price\",\"description\":\"The price of a tea\","
            + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"tea\":{\"type\":\"string\"}},"
            + "\"required\":[\"tea\"]}},{\"name\":\"slow\",\"description\":\"Takes its time\","
            + "\"inputSchema\":{\"type\":\"object\",\"properties\":{}}}]}");
      case "tools/call" -> call(params);
      default -> JSON.createObjectNode();
    };
  }

  private static JsonNode call(JsonNode params) throws Exception {
    String tool = params.path("name").asText();
    if (tool.equals("slow")) {
      Thread.sleep(10_000);
      return text("finally", false);
    }
    String tea = params.path("arguments").path("tea").asText();
    return tea.equals("matcha")
        ? text("Matcha costs 30 EUR per 100 g.", false)
        : text("No such tea: " + tea, true);
  }

  private static JsonNode text(String text, boolean error) {
    ObjectNode result = JSON.createObjectNode();
    result.putArray("content").addObject().put("type", "text").put("text", text);
    result.put("isError", error);
    return result;
  }
}
