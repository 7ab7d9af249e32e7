package io.khoj4j.adapter.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.khoj4j.application.error.ApplicationException;
import io.khoj4j.application.error.ConflictException;
import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.error.UnauthenticatedException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure leaves as Khoj's JSON error shape with the right status. Nothing below a 5xx is logged as an error;
 * every 5xx is logged once, with its stack trace and the request id that the client also receives.
 */
public class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  @ServerExceptionMapper
  public Response application(ApplicationException e) {
    return switch (e) {
      case NotFoundException nf -> json(404, nf.getMessage());
      case InvalidInputException ii -> json(422, ii.getMessage());
      case ForbiddenException f -> json(403, f.getMessage());
      case UnauthenticatedException u -> json(401, u.getMessage());
      case ConflictException c -> json(409, c.getMessage());
      case QuotaExceededException q -> json(429, q.getMessage());
      case UpstreamFailureException u -> serverError(u.retryable() ? 503 : 502, u.getMessage(), u);
    };
  }

  @ServerExceptionMapper
  public Response validation(RequestValidationException e) {
    return Response.status(422)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorResponse(e.problems(), null))
        .build();
  }

  @ServerExceptionMapper
  public Response tooLarge(RequestTooLargeException e) {
    return json(413, e.getMessage());
  }

  /**
   * Khoj answers every unauthenticated call to a protected route with 403 {"detail":"Forbidden"}, except the token
   * pages and Notion's OAuth callback (a browser arriving back from Notion), which send a browser without a session
   * to {@code /login?next=<the page>} (303).
   */
  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthenticated(UriInfo uri) {
    String path = uri.getRequestUri().getRawPath();
    if (path.startsWith("/auth/token") || path.equals("/api/notion/auth/callback")) {
      String query = uri.getRequestUri().getRawQuery();
      String next = path + (query == null ? "" : "?" + query);
      return Response.status(303)
          .header(
              HttpHeaders.LOCATION,
              "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
          .build();
    }
    return json(403, "Forbidden");
  }

  /** Authenticated, but without the role the route needs (an administrator's route). */
  @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
  public Response forbidden() {
    return json(403, "Forbidden");
  }

  /** Malformed JSON or JSON of the wrong shape: FastAPI answers both with 422. */
  @ServerExceptionMapper({
    JsonProcessingException.class,
    com.fasterxml.jackson.core.JsonParseException.class,
    com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
    com.fasterxml.jackson.databind.exc.InvalidFormatException.class
  })
  public Response malformedJson(JsonProcessingException e) {
    RequestTooLargeException tooLarge = causeOf(e, RequestTooLargeException.class);
    if (tooLarge != null) {
      return tooLarge(
          tooLarge); // the size cap hit while Jackson was reading a field, which wraps what it
      // throws
    }
    return Response.status(422)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorResponse(
            List.of(new FieldProblem("json_invalid", List.of("body"), "JSON decode error", null)),
            null))
        .build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    RequestTooLargeException tooLarge = causeOf(e, RequestTooLargeException.class);
    if (tooLarge != null) {
      return tooLarge(tooLarge);
    }
    int status = e.getResponse().getStatus();
    if (status < 400 || (status < 500 && e.getResponse().hasEntity())) {
      return e.getResponse();
    }
    if (status >= 500) {
      return serverError(status, "Internal Server Error", e);
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformedJson(json);
    }
    String reason = Response.Status.fromStatusCode(status) == null
        ? "Error"
        : Response.Status.fromStatusCode(status).getReasonPhrase();
    return json(status, reason);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    var malformed = MalformedMultipart.of(e, uri == null ? "" : uri.getPath());
    if (malformed.isPresent()) {
      LOG.debugf(
          e,
          "%d on request %s: %s",
          malformed.get().status(),
          RequestIds.current(),
          malformed.get().detail());
      return json(malformed.get().status(), malformed.get().detail());
    }
    return serverError(500, "Internal Server Error", e);
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Response serverError(int status, String message, Throwable e) {
    String id = RequestIds.current();
    LOG.errorf(e, "%d on request %s: %s", status, id, e.getMessage());
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorResponse(message + (id == null ? "" : " (request id " + id + ")"), id))
        .build();
  }

  public static Response json(int status, String detail) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorResponse.of(detail))
        .build();
  }
}
