package io.khoj4j.adapter.connector.out.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.adapter.connector.out.SharedJson;
import io.khoj4j.adapter.connector.out.http.RateLimitedHttp;
import io.khoj4j.application.port.out.connector.ConnectorException;
import io.khoj4j.application.port.out.connector.ConnectorException.Kind;
import io.khoj4j.application.port.out.connector.GithubRepositories;
import io.khoj4j.domain.connector.GithubRepo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * GitHub's REST API: the git trees API lists a branch with every blob's SHA ({@code ?recursive=1}; a truncated answer
 * is completed by walking the subtrees one level at a time), the blobs API returns a file's bytes. Rate limits are
 * honoured: a 403 or 429 with {@code Retry-After}, or with {@code X-RateLimit-Remaining: 0} and
 * {@code X-RateLimit-Reset}, is waited out when the reset is near and reported with its time otherwise; a 403 that
 * says "secondary rate limit" without headers waits a minute, as GitHub asks.
 */
public final class GithubRestRepositories implements GithubRepositories {

  private static final ObjectMapper JSON = SharedJson.MAPPER;
  private static final int MAX_TREE_DEPTH = 64;

  private final URI api;
  private final RateLimitedHttp http;
  private final Duration timeout;

  public GithubRestRepositories(URI api, RateLimitedHttp http, Duration timeout) {
    String base = api.toString();
    this.api = URI.create(base.endsWith("/") ? base : base + "/");
    this.http = http;
    this.timeout = timeout;
  }

  @Override
  public List<TreeFile> files(Optional<String> token, GithubRepo repo) {
    List<TreeFile> files = new ArrayList<>();
    walk(token, repo, "", repo.branch(), 0, files);
    return files;
  }

  private void walk(
      Optional<String> token,
      GithubRepo repo,
      String prefix,
      String tree,
      int depth,
      List<TreeFile> into) {
    if (depth > MAX_TREE_DEPTH) {
      throw new ConnectorException(
          Kind.MALFORMED, "repository tree deeper than " + MAX_TREE_DEPTH + " levels");
    }
    JsonNode recursive =
        json(get(token, treeUri(repo, tree, true), "application/vnd.github+json", repo));
    if (!recursive.path("truncated").asBoolean(false)) {
      collect(recursive, prefix, into, null);
      return;
    }
    // too large for one answer: this level, then each subtree on its own
    JsonNode level =
        json(get(token, treeUri(repo, tree, false), "application/vnd.github+json", repo));
    List<JsonNode> subtrees = new ArrayList<>();
    collect(level, prefix, into, subtrees);
    for (JsonNode sub : subtrees) {
      walk(
          token,
          repo,
          prefix + sub.path("path").asText() + "/",
          sub.path("sha").asText(),
          depth + 1,
          into);
    }
  }

  private static void collect(
      JsonNode tree, String prefix, List<TreeFile> into, List<JsonNode> subtrees) {
    JsonNode items = tree.path("tree");
    if (!items.isArray()) {
      throw new ConnectorException(Kind.MALFORMED, "GitHub's tree answer has no \"tree\" list");
    }
    for (JsonNode item : items) {
      String type = item.path("type").asText("");
      String path = item.path("path").asText("");
      String sha = item.path("sha").asText("");
      if (path.isEmpty() || sha.isEmpty()) {
        throw new ConnectorException(
            Kind.MALFORMED, "GitHub's tree lists an entry without path or sha");
      }
      if (type.equals("blob")) {
        into.add(new TreeFile(prefix + path, sha, item.path("size").asLong(0)));
      } else if (type.equals("tree") && subtrees != null) {
        subtrees.add(item);
      }
    }
  }

  @Override
  public byte[] blob(Optional<String> token, GithubRepo repo, String sha) {
    if (!sha.matches("[0-9a-fA-F]{40,64}")) {
      throw new ConnectorException(Kind.MALFORMED, "not a blob SHA: " + sha);
    }
    URI uri = api.resolve("repos/" + repo.owner() + "/" + repo.name() + "/git/blobs/" + sha);
    return get(token, uri, "application/vnd.github.raw+json", repo);
  }

  private URI treeUri(GithubRepo repo, String tree, boolean recursive) {
    return api.resolve("repos/" + repo.owner() + "/" + repo.name() + "/git/trees/" + tree
        + (recursive ? "?recursive=1" : ""));
  }

  private byte[] get(Optional<String> token, URI uri, String accept, GithubRepo repo) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .GET()
        .header("Accept", accept)
        .header("X-GitHub-Api-Version", "2022-11-28")
        .header("User-Agent", "khoj4j");
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    HttpResponse<byte[]> response = http.send(request.build(), this::rateLimit);
    int status = response.statusCode();
    String name = repo.owner() + "/" + repo.name();
    return switch (status) {
      case 200 -> response.body();
      case 401 ->
        throw new ConnectorException(
            Kind.UNAUTHORIZED, "HTTP 401: the token is wrong, expired or revoked");
      // a 403 that is no rate limit concerns this repository (an organisation's SAML enforcement, a
      // fine-grained token that does not cover it; a bad token is a 401), as does a 451 (blocked):
      // the repository is reported and the others are synced
      case 403, 451 ->
        throw new ConnectorException(
            Kind.NOT_FOUND,
            "HTTP " + status + ": the token may not read " + name + " (" + message(response) + ")");
      case 404, 422 ->
        throw new ConnectorException(
            Kind.NOT_FOUND,
            "repository or branch not found, or the token cannot see it (HTTP " + status + ")");
      case 409 -> emptyRepository(uri);
      default -> throw new ConnectorException(Kind.UNAVAILABLE, "GitHub answered HTTP " + status);
    };
  }

  /** An empty repository answers 409 to tree requests: it has no files. */
  private static byte[] emptyRepository(URI uri) {
    if (uri.getPath().contains("/git/trees/")) {
      return "{\"tree\":[],\"truncated\":false}".getBytes(StandardCharsets.UTF_8);
    }
    throw new ConnectorException(Kind.NOT_FOUND, "the repository is empty");
  }

  private Optional<Instant> rateLimit(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status != 403 && status != 429) {
      return Optional.empty();
    }
    Optional<Instant> retryAfter = http.retryAfter(response);
    if (retryAfter.isPresent()) {
      return retryAfter;
    }
    boolean exhausted = response
        .headers()
        .firstValue("X-RateLimit-Remaining")
        .map(String::strip)
        .filter("0"::equals)
        .isPresent();
    if (exhausted) {
      return Optional.of(response
          .headers()
          .firstValue("X-RateLimit-Reset")
          .flatMap(RateLimitedHttp::seconds)
          .map(Instant::ofEpochSecond)
          .orElse(http.now().plusSeconds(60)));
    }
    if (status == 429 || message(response).toLowerCase(Locale.ROOT).contains("rate limit")) {
      return Optional.of(http.now().plusSeconds(60));
    }
    return Optional.empty();
  }

  private static String message(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body()).path("message").asText("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static JsonNode json(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ConnectorException(Kind.MALFORMED, "GitHub's answer is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ConnectorException(
          Kind.MALFORMED, "GitHub's answer is not JSON", Optional.empty(), e);
    }
  }
}
