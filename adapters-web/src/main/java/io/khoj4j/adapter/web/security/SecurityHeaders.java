package io.khoj4j.adapter.web.security;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Headers every answer carries, on every route (REST resources, the WebSocket upgrade, Quarkus' own {@code /q} pages
 * and errors): no content sniffing, no framing, no referrer, a content security policy that allows nothing but on the
 * Swagger UI (which needs its own scripts), HSTS when the request came over TLS (directly or through a proxy this
 * server trusts), {@code Cache-Control: no-store} on answers to requests that carried credentials unless the route
 * set its own, and {@code charset=UTF-8} on text answers that name none.
 */
@ApplicationScoped
class SecurityHeaders {

  static final String NO_FRAMES_NO_CONTENT =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
  static final String SWAGGER_UI =
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " frame-ancestors 'none'";
  static final String HSTS = "max-age=31536000";

  /** First of all routes, so that even the earliest refusals carry the headers. */
  static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 10;

  void register(@Observes Router router) {
    router.route().order(ORDER).handler(context -> {
      context.addHeadersEndHandler(ignored -> decorate(context));
      context.next();
    });
  }

  private static void decorate(RoutingContext context) {
    HttpServerRequest request = context.request();
    MultiMap headers = context.response().headers();
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    if (!headers.contains("Content-Security-Policy")) {
      headers.set(
          "Content-Security-Policy",
          request.path().startsWith("/q/swagger-ui") ? SWAGGER_UI : NO_FRAMES_NO_CONTENT);
    }
    if ("https".equalsIgnoreCase(request.scheme())) {
      headers.set("Strict-Transport-Security", HSTS);
    }
    if (carriesCredentials(request) && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
      headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    String type = headers.get(HttpHeaders.CONTENT_TYPE);
    if (type != null
        && type.toLowerCase(Locale.ROOT).startsWith("text/")
        && !type.toLowerCase(Locale.ROOT).contains("charset")) {
      headers.set(HttpHeaders.CONTENT_TYPE, type + ";charset=UTF-8");
    }
  }

  private static boolean carriesCredentials(HttpServerRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return true;
    }
    String cookies = request.getHeader(HttpHeaders.COOKIE);
    return cookies != null && cookies.contains(SessionCookie.NAME + "=");
  }
}
