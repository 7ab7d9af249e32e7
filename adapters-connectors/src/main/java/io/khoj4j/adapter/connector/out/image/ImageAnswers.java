package io.khoj4j.adapter.connector.out.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.UrlFetcher;
import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what an image vendor answered into an {@link ImageGenerator.Inline}: base64 bytes are decoded, and a hosted
 * address is loaded only through the SSRF-safe {@link UrlFetcher} (a vendor's answer is not trusted to point
 * outside the internet). Either way the image is kept by this server, never hot-linked from the vendor.
 */
final class ImageAnswers {

  private final UrlFetcher fetcher;

  ImageAnswers(UrlFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /** Decodes base64 image bytes of {@code mimeType} (PNG when the vendor does not say). */
  static ImageGenerator.Inline decoded(String vendor, String mimeType, String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new UpstreamFailureException(vendor + " sent no image", false, null);
    }
    String type =
        mimeType == null || mimeType.isBlank() ? "image/png" : mimeType.toLowerCase(Locale.ROOT);
    if (!type.startsWith("image/")) {
      throw new UpstreamFailureException(
          vendor + " sent " + type + " instead of an image", false, null);
    }
    try {
      byte[] data = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
      if (data.length == 0) {
        throw new IllegalArgumentException("empty");
      }
      return new ImageGenerator.Inline(type, data);
    } catch (IllegalArgumentException e) {
      throw new UpstreamFailureException(vendor + " sent an image that is not base64", false, e);
    }
  }

  /** Loads a hosted image through the fetcher. */
  ImageGenerator.Inline hosted(String vendor, String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new UpstreamFailureException(
          vendor + " sent an image address that is not a URL", false, e);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
      throw new UpstreamFailureException(
          vendor + " sent an image address that is not http(s)", false, null);
    }
    UrlFetcher.Fetched fetched = fetcher.fetch(new UrlFetcher.Request(uri, Set.of("image/*")));
    return new ImageGenerator.Inline(fetched.mediaType(), fetched.body());
  }

  /** A required text field, or a clean failure naming the vendor. */
  static String required(String vendor, JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new UpstreamFailureException(vendor + " sent an answer without " + field, false, null);
    }
    return value.asText();
  }
}
