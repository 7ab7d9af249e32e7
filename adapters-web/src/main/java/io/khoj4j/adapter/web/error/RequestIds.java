package io.khoj4j.adapter.web.error;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is a sane token, else a new one.
 * It is in every log line of the request (MDC key {@code request_id}) and in the response header.
 */
public class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "request_id";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  @ServerRequestFilter(preMatching = true)
  public void assign(ContainerRequestContext request, HttpServerRequest http) {
    String id = acceptOrCreate(http.getHeader(HEADER));
    request.setProperty(MDC_KEY, id);
    MDC.put(MDC_KEY, id);
  }

  @ServerResponseFilter
  public void echo(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(MDC_KEY);
    if (id != null) {
      response.getHeaders().putSingle(HEADER, id);
    }
  }

  /** The caller's id when it is a sane token (no spaces, no line breaks, 8 to 64 characters), else a new one. */
  static String acceptOrCreate(String given) {
    return given != null && SAFE.matcher(given).matches()
        ? given
        : UUID.randomUUID().toString();
  }

  /** The id of the current request, for error bodies. */
  public static String current() {
    Object id = MDC.get(MDC_KEY);
    return id == null ? null : id.toString();
  }
}
