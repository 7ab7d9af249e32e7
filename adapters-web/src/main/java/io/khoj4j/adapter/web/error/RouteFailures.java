package io.khoj4j.adapter.web.error;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Failures that never reach a JAX-RS exception mapper — a declared body over {@code quarkus.http.limits.max-body-size}
 * (413), a request the router refuses (an HTTP/1.1 request without {@code Host}: 400), a failing route outside
 * Quarkus REST — leave in Khoj's error shape too: {@code {"detail": "<reason>"}} with the status, and for a 5xx the
 * request id that is also in the {@code X-Request-Id} header and in the one log line with the stack trace. Quarkus'
 * own handlers would answer an empty body or an HTML page. Failures of authentication go on to Quarkus, which sends
 * each mechanism's challenge.
 *
 * <p>Requests that are not HTTP enough to be routed at all (a request line or header that does not parse, a path
 * with a broken %-escape, a request line or headers over their limits) are answered by Vert.x itself before any
 * route runs: a bare 400, 414 or 431 and a closed connection.
 */
@ApplicationScoped
class RouteFailures {

  private static final Logger LOG = Logger.getLogger(RouteFailures.class);

  /** Before Quarkus' own failure handler, which is registered last. */
  static final int FAILURE_ORDER = Integer.MIN_VALUE + 100;

  /** Just before Quarkus' check of the declared length, which answers 413 with an empty body. */
  static final int BODY_LIMIT_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

  private final Optional<MemorySize> maxBodySize;

  RouteFailures(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size")
          Optional<MemorySize> maxBodySize) {
    this.maxBodySize = maxBodySize;
  }

  void register(@Observes Router router) {
    maxBodySize.ifPresent(limit -> router
        .route()
        .order(BODY_LIMIT_ORDER)
        .handler(context -> refuseDeclaredBodyOver(limit.asLongValue(), context)));
    router.route().order(FAILURE_ORDER).failureHandler(this::handle);
  }

  /**
   * A request that declares a body over the limit is refused before it is read, and the connection is closed so
   * the body is never read either. (A chunked body that grows over the limit is cut off by Quarkus while it is read,
   * with an empty 413.)
   */
  void refuseDeclaredBodyOver(long limit, RoutingContext context) {
    String declared = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      context.fail(400);
      return;
    }
    if (length <= limit) {
      context.next();
      return;
    }
    LOG.debugf(
        "413 on %s %s: declared %d bytes, limit %d",
        context.request().method(), context.request().path(), length, limit);
    HttpServerResponse response = context.response();
    response.putHeader(HttpHeaderNames.CONNECTION, "close");
    response.endHandler(ended -> context.request().connection().close());
    answer(context, 413, requestId(context));
  }

  void handle(RoutingContext context) {
    Throwable failure = context.failure();
    if (failure instanceof AuthenticationException
        || (failure instanceof SecurityException && !(failure instanceof ForbiddenException))) {
      context.next();
      return;
    }
    int status = failure instanceof ForbiddenException
        ? 403
        : context.statusCode() > 0 ? context.statusCode() : 500;
    respond(context, status, failure);
  }

  private static void respond(RoutingContext context, int status, Throwable failure) {
    HttpServerRequest request = context.request();
    HttpServerResponse response = context.response();
    String id = requestId(context);
    if (response.closed() && failure instanceof java.io.IOException) {
      // the client went away mid-answer (a closed tab, a browser dropping a download): nothing
      // failed here
      LOG.debugf(
          "Client left during %s %s (request %s): %s",
          request.method(), request.path(), id, failure.getMessage());
      return;
    }
    if (status >= 500) {
      LOG.errorf(failure, "%d on request %s: %s %s", status, id, request.method(), request.path());
    } else {
      LOG.debugf(failure, "%d on request %s: %s %s", status, id, request.method(), request.path());
    }
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.end();
      return;
    }
    answer(context, status, id);
  }

  private static void answer(RoutingContext context, int status, String id) {
    String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
    JsonObject body = new JsonObject();
    if (status >= 500) {
      body.put("detail", reason + " (request id " + id + ")").put("request_id", id);
    } else {
      body.put("detail", reason);
    }
    context
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json")
        .putHeader(RequestIds.HEADER, id)
        .end(body.encode());
  }

  /** The id Quarkus REST already gave this request, else the caller's sane one, else a new one; put in the MDC. */
  private static String requestId(RoutingContext context) {
    String id = RequestIds.current();
    if (id == null) {
      id = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
      MDC.put(RequestIds.MDC_KEY, id);
    }
    return id;
  }
}
