package io.khoj4j.adapter.web.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin requests (CORS) from the clients that run in a web view: Obsidian's chat pane calls the server with
 * {@code fetch()} from {@code app://obsidian.md} (desktop) or {@code capacitor://localhost} (mobile), so the browser
 * first asks (a preflight {@code OPTIONS}) and reads an answer only when it names that origin. The origins are
 * {@code khoj.cors.origins}, matched exactly, as Khoj's list is. A preflight from one of them is answered here,
 * before authentication, allowing every method and the headers it asks for; any other request from one of them gets
 * its answer marked readable by that origin. Credentials (the session cookie) are never allowed cross-origin: these
 * clients send API tokens.
 *
 * <p>Requests from other origins pass untouched, without the headers, so the browser keeps their answers from the
 * page; they are not refused here, as Quarkus' CORS filter would: that filter also refuses a same-origin request whose
 * {@code Origin} it cannot match to the request (the web client behind a proxy that ends TLS), which is the
 * cross-site check's business ({@link CrossSiteRequestCheck}).
 */
@ApplicationScoped
class CrossOriginClients {

  static final int ORDER = SecurityHeaders.ORDER + 1;
  static final String METHODS = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";
  static final String MAX_AGE = "600";

  private final Set<String> origins;

  CrossOriginClients(@ConfigProperty(name = "khoj.cors.origins") Optional<List<String>> origins) {
    this.origins = Set.copyOf(origins.orElse(List.of()));
  }

  void register(@Observes Router router) {
    if (!origins.isEmpty()) {
      router.route().order(ORDER).handler(this::handle);
    }
  }

  private void handle(RoutingContext context) {
    HttpServerRequest request = context.request();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null || !origins.contains(origin)) {
      context.next();
      return;
    }
    if (request.method() == HttpMethod.OPTIONS
        && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
      var response = context
          .response()
          .setStatusCode(200)
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
          .putHeader(HttpHeaders.VARY, "Origin")
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS)
          .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
      String asked = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
      if (asked != null && !asked.isBlank()) {
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, asked);
      }
      response.end();
      return;
    }
    context.addHeadersEndHandler(ignored -> context
        .response()
        .headers()
        .set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
        .add(HttpHeaders.VARY, "Origin"));
    context.next();
  }
}
