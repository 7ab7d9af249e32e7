package io.khoj4j.adapter.web.security;

import io.khoj4j.adapter.web.in.chat.AllowedHosts;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;

/**
 * CSRF protection for cookie-authenticated requests that change state. The session cookie is already
 * {@code SameSite=Lax}, so other sites' forms and scripts do not carry it; this check also stops sibling subdomains
 * (same site, other origin) and browsers that ignore SameSite. A {@code POST}, {@code PUT}, {@code PATCH} or
 * {@code DELETE} that carries the {@code session} cookie and no {@code Authorization} header is refused with
 * {@code 403 {"detail":"Forbidden"}} when its {@code Origin} is another host than the one it was sent to and not one
 * of the server's allowed hosts, or when, without an {@code Origin}, the browser says it came from another site
 * ({@code Sec-Fetch-Site: cross-site}). Requests with a bearer token (which no other site can attach) and clients
 * that send neither header (curl, Khoj's desktop app) are not affected.
 */
@ApplicationScoped
class CrossSiteRequestCheck {

  static final Set<HttpMethod> UNSAFE =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
  static final int ORDER = CrossOriginClients.ORDER + 1;

  private final AllowedHosts allowedHosts;

  CrossSiteRequestCheck(AllowedHosts allowedHosts) {
    this.allowedHosts = allowedHosts;
  }

  void register(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  private void check(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (UNSAFE.contains(request.method()) && cookieAuthenticated(request) && crossOrigin(request)) {
      context
          .response()
          .setStatusCode(403)
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end("{\"detail\":\"Forbidden\"}");
      return;
    }
    context.next();
  }

  private static boolean cookieAuthenticated(HttpServerRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return false;
    }
    String cookies = request.getHeader(HttpHeaders.COOKIE);
    return cookies != null && cookies.contains(SessionCookie.NAME + "=");
  }

  private boolean crossOrigin(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      String site = request.getHeader("Sec-Fetch-Site");
      return site != null && site.toLowerCase(Locale.ROOT).equals("cross-site");
    }
    String originHost = AllowedHosts.originHost(origin);
    if (originHost == null) {
      return true; // "null" (sandboxed frames, some redirects) or garbage: not this server
    }
    String host = AllowedHosts.hostOf(request.getHeader(HttpHeaders.HOST));
    return !originHost.equalsIgnoreCase(host) && !allowedHosts.allows(originHost);
  }
}
