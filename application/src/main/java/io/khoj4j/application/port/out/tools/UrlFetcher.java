package io.khoj4j.application.port.out.tools;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fetches an address that a user or a model gave (a page to read, an image to load): the only way the server opens
 * such an address. An adapter refuses addresses inside the server's own network (loopback, private, link-local,
 * cloud metadata, …) unless the operator allowed them, re-checks every redirect, and caps size, time and content
 * type. Adapters that need a given URL's bytes take this port instead of opening connections themselves.
 */
public interface UrlFetcher {

  /**
   * The body of the final answer after redirects.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the address is refused, the server fails or
   *     answers with an error, or a limit is exceeded; {@code retryable} is false for refusals
   */
  Fetched fetch(Request request);

  /**
   * What to fetch and which media types (e.g. {@code text/html}, {@code image/*}) the caller can use; an answer of
   * another type is refused before its body is read.
   */
  record Request(URI url, Set<String> mediaTypes) {
    public Request {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(mediaTypes, "mediaTypes");
      if (mediaTypes.isEmpty()) {
        throw new IllegalArgumentException("name at least one media type");
      }
      mediaTypes = mediaTypes.stream()
          .map(t -> t.strip().toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether an answer of {@code mediaType} (lower case, no parameters) is wanted. */
    public boolean accepts(String mediaType) {
      String type = mediaType.toLowerCase(Locale.ROOT);
      int slash = type.indexOf('/');
      return mediaTypes.contains(type)
          || mediaTypes.contains("*/*")
          || (slash > 0 && mediaTypes.contains(type.substring(0, slash) + "/*"));
    }
  }

  /** The answer: its address after redirects, media type (lower case, no parameters), declared charset and body. */
  record Fetched(URI url, String mediaType, Optional<String> charset, byte[] body) {
    public Fetched {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(mediaType, "mediaType");
      charset = charset == null ? Optional.empty() : charset;
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }
}
