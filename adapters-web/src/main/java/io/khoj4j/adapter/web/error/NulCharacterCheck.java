package io.khoj4j.adapter.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A path or query parameter with an escaped NUL ({@code %00}) is refused with FastAPI's 422 shape, naming the
 * parameter, before any route reads it: PostgreSQL takes no NUL in a text parameter, so such a value (a file name to
 * delete, an agent's slug, a title) used to end in a 500 at the first statement that carried it, and no text these
 * routes take means anything with one. Bodies are cleaned instead ({@link NulFreeStrings}).
 */
@ApplicationScoped
class NulCharacterCheck {

  /** Right after the security headers and the cross-site check, before the body is read. */
  static final int ORDER = RouteFailures.BODY_LIMIT_ORDER - 1;

  static final String MESSAGE = "String should not contain NUL characters";

  private final ObjectMapper json = new ObjectMapper();

  void register(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  private void check(RoutingContext context) {
    String path = context.request().path();
    String query = context.request().query();
    boolean inPath = path != null && hasNul(path);
    boolean inQuery = query != null && hasNul(query);
    if (!inPath && !inQuery) {
      context.next();
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (inPath) {
      problems.add(new FieldProblem("string_nul", List.of("path"), MESSAGE, null));
    }
    if (inQuery) {
      for (String pair : query.split("&")) {
        if (hasNul(pair)) {
          int equals = pair.indexOf('=');
          String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
          problems.add(new FieldProblem("string_nul", List.of("query", name), MESSAGE, null));
        }
      }
    }
    String body;
    try {
      body = json.writeValueAsString(new ErrorResponse(problems, null));
    } catch (JsonProcessingException e) {
      body = "{\"detail\":\"" + MESSAGE + "\"}";
    }
    context
        .response()
        .setStatusCode(422)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body);
  }

  static boolean hasNul(String raw) {
    return raw.toLowerCase(Locale.ROOT).contains("%00");
  }

  private static String decoded(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8).replace("\u0000", "");
    } catch (IllegalArgumentException e) {
      return name;
    }
  }
}
