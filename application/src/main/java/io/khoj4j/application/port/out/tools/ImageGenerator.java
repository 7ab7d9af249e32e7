package io.khoj4j.application.port.out.tools;

import java.net.URI;
import java.util.Base64;
import java.util.Objects;

/**
 * Paints an image from a description for the {@code /image} command and the default mode's image output. A chat
 * capability whose adapter is configured separately; until one is, {@link #NOT_CONFIGURED} makes {@code /image}
 * answer with a clear message.
 */
public interface ImageGenerator {

  /** Whether this server can do it. */
  boolean available();

  /**
   * One image for the request.
   *
   * @throws io.khoj4j.application.error.UpstreamFailureException when the image service fails or refuses
   */
  Image generate(Request request);

  /** The aspect of the picture. */
  enum Shape {
    SQUARE,
    PORTRAIT,
    LANDSCAPE
  }

  /** What to paint, in the words the image model reads. */
  record Request(String prompt, Shape shape) {
    public Request {
      Objects.requireNonNull(prompt, "prompt");
      if (prompt.isBlank()) {
        throw new IllegalArgumentException("an image needs a description");
      }
      shape = shape == null ? Shape.SQUARE : shape;
    }
  }

  /** A painted image; {@link #src()} is what Khoj's clients show (a URL or a data URI). */
  sealed interface Image {
    String src();
  }

  /** The image's bytes, sent to clients inline. */
  record Inline(String mimeType, byte[] data) implements Image {
    public Inline {
      Objects.requireNonNull(mimeType, "mimeType");
      if (!mimeType.startsWith("image/")) {
        throw new IllegalArgumentException("not an image type: " + mimeType);
      }
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public String src() {
      return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(data);
    }
  }

  /** An image the service keeps at a public address. */
  record Hosted(URI url) implements Image {
    public Hosted {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String src() {
      return url.toString();
    }
  }

  ImageGenerator NOT_CONFIGURED = new ImageGenerator() {
    @Override
    public boolean available() {
      return false;
    }

    @Override
    public Image generate(Request request) {
      throw new IllegalStateException("image generation is not configured");
    }
  };
}
