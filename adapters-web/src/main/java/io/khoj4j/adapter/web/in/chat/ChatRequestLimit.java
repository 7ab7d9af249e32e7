package io.khoj4j.adapter.web.in.chat;

import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.error.RequestTooLargeException;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Caps the body of {@code POST /api/chat} at {@code khoj.chat.max-request-size}: a declared length above it is refused
 * at once, and a body sent without one stops being read at the cap. Either way the answer is 413 JSON and the turn
 * never starts, so nothing is stored.
 */
public class ChatRequestLimit {

  private final long maxBytes;

  public ChatRequestLimit(
      @ConfigProperty(name = "khoj.chat.max-request-size", defaultValue = "64M") MemorySize max) {
    this.maxBytes = max.asLongValue();
  }

  @ServerRequestFilter
  public Optional<Response> limit(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod())
        || !"/api/chat".equals(stripSlash(request.getUriInfo().getPath()))) {
      return Optional.empty();
    }
    if (request.getLength() > maxBytes) {
      return Optional.of(
          ErrorMappers.json(413, new RequestTooLargeException(maxBytes).getMessage()));
    }
    request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
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
