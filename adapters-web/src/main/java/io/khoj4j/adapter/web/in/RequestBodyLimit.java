package io.khoj4j.adapter.web.in;

import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.error.RequestTooLargeException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Context;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Caps the request bodies that are read into memory. {@code POST /api/chat} takes up to
 * {@code khoj.chat.max-request-size} (64 MB: its attachments), every other route up to
 * {@code khoj.http.max-request-size} (16 MB), except the multipart uploads ({@code /api/content},
 * {@code /api/content/convert}, {@code /api/transcribe}), whose files are written to disk as they arrive: only
 * {@code quarkus.http.limits.max-body-size} and each route's own limits bound those. A declared length above the cap
 * is refused at once, and a body sent without one stops being read at the cap. Either way the answer is 413 JSON and
 * the request does nothing.
 */
public class RequestBodyLimit {

  /** The routes whose bodies go to disk rather than to memory. */
  private static final Set<String> UPLOADS =
      Set.of("/api/content", "/api/content/convert", "/api/transcribe");

  /** Methods whose requests carry no body to read. */
  private static final Set<String> BODILESS = Set.of("GET", "HEAD", "OPTIONS");

  private final long chatBytes;
  private final long otherBytes;

  public RequestBodyLimit(
      @ConfigProperty(name = "khoj.chat.max-request-size", defaultValue = "64M") MemorySize chat,
      @ConfigProperty(name = "khoj.http.max-request-size", defaultValue = "16M") MemorySize other) {
    this.chatBytes = chat.asLongValue();
    this.otherBytes = other.asLongValue();
  }

  @ServerRequestFilter
  public Optional<Response> limit(ContainerRequestContext request) {
    String path = stripSlash(request.getUriInfo().getPath());
    if (BODILESS.contains(request.getMethod()) || UPLOADS.contains(path)) {
      return Optional.empty();
    }
    long maxBytes =
        "POST".equals(request.getMethod()) && "/api/chat".equals(path) ? chatBytes : otherBytes;
    if (request.getLength() > maxBytes) {
      return Optional.of(
          ErrorMappers.json(413, new RequestTooLargeException(maxBytes).getMessage()));
    }
    // a blocking route's body is read after the filters, on this worker thread; a route that reads
    // its body on the event loop keeps the declared-length check alone
    if (!Context.isOnEventLoopThread()) {
      request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
    }
    return Optional.empty();
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** Throws {@link RequestTooLargeException} once more than {@code max} bytes have been read. */
  static final class Bounded extends FilterInputStream {
    private final long max;
    private long read;

    Bounded(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      read += n;
      if (read > max) {
        throw new RequestTooLargeException(max);
      }
    }
  }
}
