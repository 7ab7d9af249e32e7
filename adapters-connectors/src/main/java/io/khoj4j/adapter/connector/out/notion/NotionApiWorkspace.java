package io.khoj4j.adapter.connector.out.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khoj4j.adapter.connector.out.SharedJson;
import io.khoj4j.adapter.connector.out.http.RateLimitedHttp;
import io.khoj4j.application.port.out.connector.ConnectorException;
import io.khoj4j.application.port.out.connector.ConnectorException.Kind;
import io.khoj4j.application.port.out.connector.NotionWorkspace;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Notion's public API ({@code Notion-Version: 2022-06-28}): {@code POST /v1/search} filtered to pages (database rows
 * are pages) for every page with its title, properties and {@code last_edited_time}; {@code GET
 * /v1/blocks/{id}/children} for a page's blocks, every result page followed and every block with children descended
 * into (child pages and databases are pages of their own and not descended into). A 429 is waited out per its
 * {@code Retry-After}; requests are spaced to Notion's average of three a second.
 */
public final class NotionApiWorkspace implements NotionWorkspace {

  public static final String VERSION = "2022-06-28";
  private static final ObjectMapper JSON = SharedJson.MAPPER;
  private static final int MAX_DEPTH = 20;
  /**
   * Blocks whose children are not read: child pages and databases are pages of their own; {@code unsupported} is what
   * the API calls the blocks it cannot serve (AI meeting notes, transcriptions), whose children it refuses with a 400.
   */
  private static final Set<String> NOT_DESCENDED =
      Set.of("child_page", "child_database", "unsupported");

  /** Operator's OAuth client; empty when only integration tokens are used. */
  public record OAuthClient(String clientId, String clientSecret, String redirectUri) {}

  private final URI api;
  private final RateLimitedHttp http;
  private final Duration timeout;
  private final Optional<OAuthClient> oauth;

  public NotionApiWorkspace(
      URI api, RateLimitedHttp http, Duration timeout, Optional<OAuthClient> oauth) {
    String base = api.toString();
    this.api = URI.create(base.endsWith("/") ? base : base + "/");
    this.http = http;
    this.timeout = timeout;
    this.oauth = oauth;
  }

  @Override
  public List<Page> pages(String token) {
    List<Page> pages = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      ObjectNode body = JSON.createObjectNode();
      body.put("page_size", 100);
      body.putObject("filter").put("property", "object").put("value", "page");
      cursor.ifPresent(c -> body.put("start_cursor", c));
      JsonNode answer = call(token, "POST", api.resolve("v1/search"), body.toString());
      for (JsonNode result : results(answer)) {
        if (!"page".equals(result.path("object").asText())
            || result.path("archived").asBoolean(false)
            || result.path("in_trash").asBoolean(false)) {
          continue;
        }
        pages.add(page(result));
      }
      cursor = next(answer);
    } while (cursor.isPresent());
    return pages;
  }

  @Override
  public boolean stillShared(String token, String pageId) {
    if (!pageId.matches("[0-9a-fA-F-]{32,36}")) {
      return false;
    }
    try {
      JsonNode page = call(token, "GET", api.resolve("v1/pages/" + pageId), null);
      return !page.path("archived").asBoolean(false) && !page.path("in_trash").asBoolean(false);
    } catch (ConnectorException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private static Page page(JsonNode page) {
    String id = page.path("id").asText("");
    String url = page.path("url").asText("");
    if (id.isEmpty() || url.isEmpty()) {
      throw new ConnectorException(Kind.MALFORMED, "Notion listed a page without id or url");
    }
    Instant edited;
    try {
      edited = Instant.parse(page.path("last_edited_time").asText(""));
    } catch (DateTimeParseException e) {
      throw new ConnectorException(
          Kind.MALFORMED, "Notion listed a page without a valid last_edited_time");
    }
    String title = "";
    List<String> properties = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = page.path("properties").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode property = field.getValue();
      String type = property.path("type").asText("");
      if (type.equals("title")) {
        title = richText(property.path("title"));
      } else {
        String value = propertyValue(type, property.path(type));
        if (!value.isBlank()) {
          properties.add(field.getKey() + ": " + value);
        }
      }
    }
    return new Page(id, url, title, edited, properties);
  }

  /** Database columns worth searching, as text; others (files, relations, formulas, people) are left out. */
  private static String propertyValue(String type, JsonNode value) {
    return switch (type) {
      case "rich_text" -> richText(value);
      case "select", "status" -> value.path("name").asText("");
      case "multi_select" -> {
        List<String> names = new ArrayList<>();
        value.forEach(v -> names.add(v.path("name").asText("")));
        yield String.join(", ", names);
      }
      case "number" -> value.isNumber() ? value.asText() : "";
      case "checkbox" -> value.isBoolean() ? (value.asBoolean() ? "yes" : "no") : "";
      case "date" ->
        value.path("start").asText("")
            + (value.path("end").isTextual() ? " to " + value.path("end").asText() : "");
      case "url", "email", "phone_number" -> value.isTextual() ? value.asText() : "";
      default -> "";
    };
  }

  @Override
  public List<Block> blocks(String token, String pageId) {
    return children(token, pageId, 0);
  }

  private List<Block> children(String token, String blockId, int depth) {
    if (!blockId.matches("[0-9a-fA-F-]{32,36}")) {
      throw new ConnectorException(Kind.MALFORMED, "not a Notion block id: " + blockId);
    }
    List<Block> blocks = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      String query = "?page_size=100"
          + cursor
              .map(c -> "&start_cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8))
              .orElse("");
      JsonNode answer =
          call(token, "GET", api.resolve("v1/blocks/" + blockId + "/children" + query), null);
      for (JsonNode block : results(answer)) {
        String type = block.path("type").asText("");
        List<Block> nested = List.of();
        if (block.path("has_children").asBoolean(false)
            && !NOT_DESCENDED.contains(type)
            && depth < MAX_DEPTH) {
          try {
            nested = children(token, block.path("id").asText(""), depth + 1);
          } catch (ConnectorException refused) {
            if (refused.kind() != Kind.MALFORMED) {
              throw refused;
            }
            // Notion refuses (400) the children of some block types it adds before the API serves
            // them:
            // the block is kept without them rather than losing the page
          }
        }
        blocks.add(new Block(type, text(type, block.path(type)), nested));
      }
      cursor = next(answer);
    } while (cursor.isPresent());
    return blocks;
  }

  private static String text(String type, JsonNode content) {
    return switch (type) {
      case "to_do" ->
        (content.path("checked").asBoolean(false) ? "[x] " : "[ ] ")
            + richText(content.path("rich_text"));
      case "child_page", "child_database" -> content.path("title").asText("");
      case "table_row" -> {
        List<String> cells = new ArrayList<>();
        content.path("cells").forEach(cell -> cells.add(richText(cell)));
        yield String.join(" | ", cells);
      }
      case "bookmark", "embed", "link_preview" -> content.path("url").asText("");
      case "equation" -> content.path("expression").asText("");
      default -> richText(content.path("rich_text"));
    };
  }

  /** Plain text of a rich-text array; a linked piece keeps its link as markdown. */
  private static String richText(JsonNode pieces) {
    StringBuilder out = new StringBuilder();
    for (JsonNode piece : pieces) {
      String text = piece.path("plain_text").asText("");
      String href = piece.path("href").isTextual() ? piece.path("href").asText() : null;
      out.append(href == null || href.isBlank() ? text : "[" + text + "](" + href + ")");
    }
    return out.toString();
  }

  @Override
  public String exchangeCode(String code) {
    OAuthClient client = oauth.orElseThrow(() ->
        new ConnectorException(Kind.UNAUTHORIZED, "Notion OAuth is not configured on this server"));
    ObjectNode body = JSON.createObjectNode();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("redirect_uri", client.redirectUri());
    String basic = Base64.getEncoder()
        .encodeToString(
            (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
    JsonNode answer = send(
        HttpRequest.newBuilder(api.resolve("v1/oauth/token"))
            .timeout(timeout)
            .header("Authorization", "Basic " + basic),
        "POST",
        body.toString());
    String token = answer.path("access_token").asText("");
    if (token.isEmpty()) {
      throw new ConnectorException(Kind.MALFORMED, "Notion's token answer has no access_token");
    }
    return token;
  }

  private JsonNode call(String token, String method, URI uri, String body) {
    return send(
        HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bearer " + token),
        method,
        body);
  }

  private JsonNode send(HttpRequest.Builder request, String method, String body) {
    request.header("Notion-Version", VERSION).header("User-Agent", "khoj4j");
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<byte[]> response = http.send(
        request.build(),
        r -> r.statusCode() == 429
            ? Optional.of(http.retryAfter(r).orElse(http.now().plusSeconds(1)))
            : Optional.empty());
    int status = response.statusCode();
    return switch (status) {
      case 200 -> json(response.body());
      case 401 ->
        throw new ConnectorException(Kind.UNAUTHORIZED, "HTTP 401: the token is wrong or revoked");
      case 403 ->
        throw new ConnectorException(Kind.UNAUTHORIZED, "HTTP 403: " + errorCode(response));
      case 404 ->
        throw new ConnectorException(
            Kind.NOT_FOUND, "not found or not shared with the integration");
      case 400 ->
        throw new ConnectorException(
            Kind.MALFORMED, "Notion refused the request: " + errorCode(response));
      default -> throw new ConnectorException(Kind.UNAVAILABLE, "Notion answered HTTP " + status);
    };
  }

  private static String errorCode(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body()).path("code").asText("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Iterable<JsonNode> results(JsonNode answer) {
    JsonNode results = answer.path("results");
    if (!results.isArray()) {
      throw new ConnectorException(Kind.MALFORMED, "Notion's answer has no \"results\" list");
    }
    return results;
  }

  private static Optional<String> next(JsonNode answer) {
    if (answer.path("has_more").asBoolean(false) && answer.path("next_cursor").isTextual()) {
      return Optional.of(answer.path("next_cursor").asText());
    }
    return Optional.empty();
  }

  private static JsonNode json(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ConnectorException(Kind.MALFORMED, "Notion's answer is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ConnectorException(
          Kind.MALFORMED, "Notion's answer is not JSON", Optional.empty(), e);
    }
  }
}
