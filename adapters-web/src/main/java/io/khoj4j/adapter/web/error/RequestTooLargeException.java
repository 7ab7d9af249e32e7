package io.khoj4j.adapter.web.error;

/** A request body above the size a route accepts: answered with 413 before anything is stored. */
public final class RequestTooLargeException extends RuntimeException {

  public RequestTooLargeException(long maxBytes) {
    super("Request body too large: at most " + megabytes(maxBytes) + " MB.");
  }

  private static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    return mb == Math.rint(mb)
        ? String.valueOf((long) mb)
        : String.format(java.util.Locale.ROOT, "%.2f", mb);
  }
}
