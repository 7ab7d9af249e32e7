package io.khoj4j.adapter.connector.out.tika;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.content.Extraction;
import io.khoj4j.domain.content.ContentType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Decompression bombs (issue 25 item 1): each is refused with a reason the user can read, after reading a bounded
 * amount — the fixtures are built here, small on disk and huge when unpacked.
 */
@Tag("security")
class HostileDocumentsTest {

  private static final TikaDocumentReader READER = TikaDocumentReader.withDefaults();

  @Test
  void aDocxWhoseOneTextRunUnpacksTo256MibIsRefusedAfterInflatingAboutOneMib() throws IOException {
    byte[] bomb = docxWithTextRun(256 << 20);
    assertThat(bomb.length).isLessThan(1 << 20);

    Extraction e = READER.extract("bomb.docx", ContentType.DOCX, bomb);
    ZipContainerGuard.Verdict verdict =
        new ZipContainerGuard(256L << 20, 100, 20_000_000).inspect(bomb);

    assertThat(e)
        .isEqualTo(
            new Extraction.Unreadable(
                "a zip bomb: its part word/document.xml unpacks to more than 100 times its compressed size"));
    assertThat(verdict.refusal()).isPresent();
    // the scan stops at the first buffer past the part's grace (plus the few small parts before
    // it): memory and
    // work stay bounded whatever the file claims
    assertThat(verdict.bytesInflated()).isLessThan(2 * ZipContainerGuard.GRACE_BYTES);
  }

  @Test
  void aContainerUnpackingPastTheSizeLimitIsStoppedWithinOneBufferOfIt() throws IOException {
    byte[] zip = docxWithTextRun(64 << 20);
    ZipContainerGuard guard = new ZipContainerGuard(4L << 20, Integer.MAX_VALUE, Long.MAX_VALUE);

    ZipContainerGuard.Verdict verdict = guard.inspect(zip);

    assertThat(verdict.refusal()).contains("unpacks to more than 4194304 bytes");
    assertThat(verdict.bytesInflated()).isBetween(4L << 20, (4L << 20) + 8192);
  }

  @Test
  void aTextRunLongerThanTheCharacterLimitIsRefusedBeforeTikaWouldHoldItWhole() throws IOException {
    // Tika's streaming Word reader passes a run on only at its end: one 64 MiB run would be 128 MB
    // of chars
    ZipContainerGuard guard = new ZipContainerGuard(256L << 20, Integer.MAX_VALUE, 1 << 20);

    ZipContainerGuard.Verdict verdict = guard.inspect(docxWithTextRun(64 << 20));

    assertThat(verdict.refusal())
        .contains("its part word/document.xml has a text run longer than 1048576 characters");
    assertThat(verdict.bytesInflated()).isLessThan(2L << 20);
  }

  @Test
  void aBombBehindAPartTheStreamingReaderCannotFollowIsStillFound() throws IOException {
    // the first part is stored uncompressed but its local header claims a data descriptor: Java's
    // ZipInputStream
    // gives up there, while the central directory (what POI reads) leads on to the bomb
    byte[] zip = storedFirstPartThen(docxWithTextRun(256 << 20));
    zip[6] |= 0x08;

    ZipContainerGuard.Verdict verdict =
        new ZipContainerGuard(256L << 20, 100, 20_000_000).inspect(zip);

    assertThat(verdict.refusal())
        .hasValueSatisfying(why -> assertThat(why).startsWith("a zip bomb"));
  }

  @Test
  void anOrdinaryDocxPassesTheScanWhole() throws IOException {
    byte[] docx = fixture("par-known-paragraphs.docx");

    ZipContainerGuard.Verdict verdict =
        new ZipContainerGuard(256L << 20, 100, 20_000_000).inspect(docx);

    assertThat(verdict.refusal()).isEmpty();
    assertThat(verdict.bytesInflated()).isGreaterThan(docx.length);
  }

  @Test
  void wordTextIsCutOffByTheCharacterLimitBeforeTheParserReachesTheEndOfThePart()
      throws IOException {
    // 2000 paragraphs of 100 letters, then a tail that is not XML at all: a reader that loads the
    // whole part before
    // emitting text fails on the tail ("damaged"); a streaming one stops at the limit, long before
    // the tail
    TikaDocumentReader reader = new TikaDocumentReader(
        new TikaDocumentReader.Limits(
            1000, 256L << 20, 100, 50_000_000L, Duration.ofSeconds(60), Duration.ofSeconds(120), 1),
        false);
    String paragraphs = "x</w:t></w:r></w:p>"
        + ("<w:p><w:r><w:t>" + "b".repeat(100) + "</w:t></w:r></w:p>").repeat(2000);

    Extraction e = reader.extract("long.docx", ContentType.DOCX, docx(paragraphs, "<<< not XML"));

    assertThat(e).isEqualTo(new Extraction.Unreadable("more than 1000 characters of text"));
  }

  @Test
  void aPngDeclaring30000By30000PixelsIsRefusedFromItsHeaderBeforeOcr() throws IOException {
    byte[] png = pngHeaderOnly(30000, 30000);

    Extraction e = READER.extract("huge.png", ContentType.IMAGE, png);

    assertThat(e)
        .isEqualTo(new Extraction.Unreadable(
            "the image has 30000 × 30000 pixels, more than the 50000000 this server reads"));
  }

  @Test
  void aPngWhoseSizeCannotBeReadIsRefusedRatherThanHandedToOcr() {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'J', 'U', 'N', 'K'
    };

    assertThat(READER.extract("odd.png", ContentType.IMAGE, png))
        .isEqualTo(new Extraction.Unreadable("damaged image: its size cannot be read"));
  }

  @Test
  void imageSizesAreReadFromHeadersAlone() throws IOException {
    // no pixel data at all: only the header can have been read
    assertThat(ImageSizeGuard.headerSize(pngHeaderOnly(30000, 20000)))
        .contains(new ImageSizeGuard.Size(30000, 20000));
    assertThat(ImageSizeGuard.webpSize(webpVp8xHeader(16000, 12000)))
        .contains(new ImageSizeGuard.Size(16000, 12000));
    assertThat(new ImageSizeGuard(50_000_000L).check(webpVp8xHeader(16000, 12000)))
        .hasValueSatisfying(why -> assertThat(why).contains("16000 × 12000 pixels"));
  }

  @Test
  void anOrdinaryPhotoSizedImagePassesAndGarbageDoesNot() throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4000, 3000, BufferedImage.TYPE_BYTE_GRAY), "png", png);
    ImageSizeGuard guard = new ImageSizeGuard(50_000_000L);

    assertThat(guard.check(png.toByteArray())).isEmpty();
    assertThat(guard.check("not an image".getBytes(StandardCharsets.UTF_8)))
        .contains("damaged image: its size cannot be read");
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = HostileDocumentsTest.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }

  private static final java.util.Map<Integer, byte[]> BOMBS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The real DOCX fixture with {@code bytes} of one repeated letter inside its first text run (built once a size). */
  static byte[] docxWithTextRun(int bytes) throws IOException {
    byte[] built = BOMBS.get(bytes);
    if (built == null) {
      built = buildDocxWithTextRun(bytes);
      BOMBS.put(bytes, built);
    }
    return built.clone();
  }

  private static byte[] buildDocxWithTextRun(int bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in =
            new ZipInputStream(new ByteArrayInputStream(fixture("par-known-paragraphs.docx")));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("word/document.xml")) {
          String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          int at = xml.indexOf("<w:t>") + 5;
          zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
          byte[] block = new byte[Math.min(bytes, 1 << 20)];
          Arrays.fill(block, (byte) 'a');
          for (int left = bytes; left > 0; left -= block.length) {
            zip.write(block, 0, Math.min(left, block.length));
          }
          zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** The real DOCX fixture whose document.xml has {@code inserted} in its first text run and then ends in {@code tail}. */
  static byte[] docx(String inserted, String tail) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in =
            new ZipInputStream(new ByteArrayInputStream(fixture("par-known-paragraphs.docx")));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("word/document.xml")) {
          String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          int at = xml.indexOf("<w:t>") + 5;
          zip.write((xml.substring(0, at) + inserted + tail).getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** The parts of {@code zip}, after a first part stored without compression. */
  static byte[] storedFirstPartThen(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream copy = new ZipOutputStream(out)) {
      byte[] first = "stored".getBytes(StandardCharsets.UTF_8);
      ZipEntry stored = new ZipEntry("customXml/stored.txt");
      stored.setMethod(ZipEntry.STORED);
      stored.setSize(first.length);
      stored.setCompressedSize(first.length);
      CRC32 crc = new CRC32();
      crc.update(first);
      stored.setCrc(crc.getValue());
      copy.putNextEntry(stored);
      copy.write(first);
      copy.closeEntry();
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        copy.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(copy);
        copy.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A PNG signature and a valid IHDR chunk declaring the size, and nothing else. */
  static byte[] pngHeaderOnly(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(out);
    data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream chunk = new DataOutputStream(ihdr);
    chunk.writeBytes("IHDR");
    chunk.writeInt(width);
    chunk.writeInt(height);
    chunk.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit greyscale, deflate, no filter, no interlace
    data.writeInt(13);
    data.write(ihdr.toByteArray());
    CRC32 crc = new CRC32();
    crc.update(ihdr.toByteArray());
    data.writeInt((int) crc.getValue());
    return out.toByteArray();
  }

  /** A WebP RIFF header whose extended (VP8X) chunk declares the canvas size. */
  static byte[] webpVp8xHeader(int width, int height) {
    byte[] b = new byte[30];
    System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
    b[4] = 22;
    System.arraycopy("WEBPVP8X".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
    b[16] = 10;
    int w = width - 1;
    int h = height - 1;
    b[24] = (byte) w;
    b[25] = (byte) (w >> 8);
    b[26] = (byte) (w >> 16);
    b[27] = (byte) h;
    b[28] = (byte) (h >> 8);
    b[29] = (byte) (h >> 16);
    return b;
  }
}
