package io.khoj4j.adapter.connector.out.tika;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's width and height from its header, without decoding a pixel, so that an image too large to OCR in
 * reasonable time and memory (a small PNG can declare 30000 × 30000) is refused before Tesseract sees it.
 */
final class ImageSizeGuard {

  private final long maxPixels;

  ImageSizeGuard(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  record Size(long width, long height) {
    long pixels() {
      return width * height;
    }
  }

  /** Why the image is refused, or empty when it may be OCR'd. */
  Optional<String> check(byte[] content) {
    Optional<Size> size = webpSize(content).or(() -> headerSize(content));
    if (size.isEmpty()) {
      return Optional.of("damaged image: its size cannot be read");
    }
    Size s = size.get();
    if (s.width() <= 0 || s.height() <= 0) {
      return Optional.of(
          "damaged image: it declares " + s.width() + " × " + s.height() + " pixels");
    }
    if (s.pixels() > maxPixels) {
      return Optional.of("the image has " + s.width() + " × " + s.height()
          + " pixels, more than the " + maxPixels + " this server reads");
    }
    return Optional.empty();
  }

  /** PNG, JPEG and whatever else ImageIO knows: the reader parses the header only. */
  static Optional<Size> headerSize(byte[] content) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      if (in == null) {
        return Optional.empty();
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** WebP (which ImageIO does not read): the size is in the first chunk of the RIFF container. */
  static Optional<Size> webpSize(byte[] b) {
    if (b.length < 30 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
      return Optional.empty();
    }
    if (ascii(b, 12, "VP8X")) {
      return Optional.of(new Size(u24(b, 24) + 1L, u24(b, 27) + 1L));
    }
    if (ascii(b, 12, "VP8L") && (b[20] & 0xff) == 0x2f) {
      long bits =
          (b[21] & 0xffL) | (b[22] & 0xffL) << 8 | (b[23] & 0xffL) << 16 | (b[24] & 0xffL) << 24;
      return Optional.of(new Size((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1));
    }
    if (ascii(b, 12, "VP8 ")
        && (b[23] & 0xff) == 0x9d
        && (b[24] & 0xff) == 0x01
        && (b[25] & 0xff) == 0x2a) {
      return Optional.of(new Size(u16(b, 26) & 0x3fff, u16(b, 28) & 0x3fff));
    }
    return Optional.empty();
  }

  private static boolean ascii(byte[] b, int at, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (b[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static int u24(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
  }
}
