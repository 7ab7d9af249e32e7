package io.khoj4j.adapter.web.in.admin;

import io.khoj4j.adapter.web.error.RequestValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.UUID;

/** Values of the administrators' settings routes, read with the same 422 answers. */
final class AdminInput {

  private AdminInput() {}

  /** An optional {@code api_url} of a body; blank is none. */
  static Optional<URI> apiUrl(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(url.strip()));
    } catch (URISyntaxException e) {
      throw RequestValidationException.of("body", "api_url", "Input should be a valid URL", url);
    }
  }

  /** The {@code id} of a path. */
  static UUID pathId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw RequestValidationException.of("path", "id", "Input should be a valid UUID", id);
    }
  }
}
