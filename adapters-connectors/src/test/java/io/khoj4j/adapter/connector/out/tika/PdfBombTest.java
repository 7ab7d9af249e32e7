package io.khoj4j.adapter.connector.out.tika;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.content.Extraction;
import io.khoj4j.domain.content.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PDFs whose content streams are compression bombs (issue 25 item 1, the PDF case): PDFBox decodes a stream whole
 * before any text of it comes out, so only a count of decoded bytes as they stream can stop one. Each fixture is
 * built here, about a megabyte on disk and a gibibyte decoded.
 */
@Tag("security")
class PdfBombTest {

  private static final TikaDocumentReader READER = TikaDocumentReader.withDefaults();

  @Test
  void aPageWhoseContentStreamDecodesToOneGibibyteIsRefusedAfterDecodingAboutOneMebibyte()
      throws IOException {
    byte[] bomb = pdfWithContentStream(1024, COSName.FLATE_DECODE);
    assertThat(bomb.length).isLessThan(2 << 20);

    Extraction e = READER.extract("bomb.pdf", ContentType.PDF, bomb);
    PdfStreamGuard.Verdict verdict = new PdfStreamGuard(256L << 20, 100).inspect(bomb);

    assertThat(e)
        .isInstanceOfSatisfying(
            Extraction.Unreadable.class,
            u -> assertThat(u.reason())
                .matches(
                    "a compression bomb: its object \\d+ 0 decodes to more than 100 times its compressed size"));
    assertThat(verdict.refusal()).isPresent();
    assertThat(verdict.bytesDecoded()).isLessThan(2 * PdfStreamGuard.GRACE_BYTES);
  }

  @Test
  void streamsDecodingPastTheSizeLimitAreStoppedNearIt() throws IOException {
    byte[] pdf = pdfWithContentStream(64, COSName.FLATE_DECODE);
    PdfStreamGuard guard = new PdfStreamGuard(8L << 20, Integer.MAX_VALUE);

    PdfStreamGuard.Verdict verdict = guard.inspect(pdf);

    assertThat(verdict.refusal()).contains("decodes to more than 8388608 bytes");
    assertThat(verdict.bytesDecoded()).isBetween(8L << 20, 9L << 20);
  }

  @Test
  void aBombBehindAnotherFilterIsStoppedInTheStageBetween() throws IOException {
    // [FlateDecode FlateDecode]: the first stage is kept for the second to read, so it is capped
    // too
    byte[] pdf = pdfWithDoublyDeflatedContent(64);
    PdfStreamGuard guard = new PdfStreamGuard(8L << 20, Integer.MAX_VALUE);

    PdfStreamGuard.Verdict verdict = guard.inspect(pdf);

    assertThat(verdict.refusal()).contains("decodes to more than 8388608 bytes");
  }

  @Test
  void theReaderAppliesTheConfiguredSizeLimitToPdfs() throws IOException {
    TikaDocumentReader reader = new TikaDocumentReader(
        new TikaDocumentReader.Limits(
            20_000_000,
            8L << 20,
            Integer.MAX_VALUE,
            50_000_000L,
            Duration.ofSeconds(60),
            Duration.ofSeconds(120),
            1),
        false);

    Extraction e =
        reader.extract("big.pdf", ContentType.PDF, pdfWithContentStream(64, COSName.FLATE_DECODE));

    assertThat(e).isEqualTo(new Extraction.Unreadable("decodes to more than 8388608 bytes"));
  }

  @Test
  void anOrdinaryPdfPassesTheScanAndIsRead() throws IOException {
    byte[] pdf = pdfWithText("Quarterly report on the lighthouse keepers");

    PdfStreamGuard.Verdict verdict = new PdfStreamGuard(256L << 20, 100).inspect(pdf);
    Extraction e = READER.extract("report.pdf", ContentType.PDF, pdf);

    assertThat(verdict.refusal()).isEmpty();
    assertThat(verdict.bytesDecoded()).isPositive();
    assertThat(e)
        .isInstanceOfSatisfying(
            Extraction.Pages.class,
            p -> assertThat(String.join(" ", p.pages()))
                .contains("Quarterly report on the lighthouse keepers"));
  }

  @Test
  void notAPdfOrADamagedOneIsLeftToTikaToExplain() {
    PdfStreamGuard guard = new PdfStreamGuard(256L << 20, 100);

    assertThat(guard.inspect("%PDF-1.7 and then nothing".getBytes()).refusal()).isEmpty();
    assertThat(PdfStreamGuard.isPdf("hello".getBytes())).isFalse();
    assertThat(PdfStreamGuard.isPdf("%PDF-1.4\n".getBytes())).isTrue();
  }

  /** One page whose content stream is {@code mib} MiB of spaces, deflated as it is written. */
  static byte[] pdfWithContentStream(int mib, COSName filter) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      COSStream stream = doc.getDocument().createCOSStream();
      try (OutputStream raw = stream.createRawOutputStream()) {
        deflateSpaces(raw, mib);
      }
      stream.setItem(COSName.FILTER, filter);
      page.setContents(new PDStream(stream));
      return save(doc);
    }
  }

  private static byte[] pdfWithDoublyDeflatedContent(int mib) throws IOException {
    ByteArrayOutputStream once = new ByteArrayOutputStream();
    deflateSpaces(once, mib);
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      COSStream stream = doc.getDocument().createCOSStream();
      try (OutputStream raw = stream.createRawOutputStream();
          DeflaterOutputStream twice =
              new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION))) {
        once.writeTo(twice);
      }
      COSArray filters = new COSArray();
      filters.add(COSName.FLATE_DECODE);
      filters.add(COSName.FLATE_DECODE);
      stream.setItem(COSName.FILTER, filters);
      page.setContents(new PDStream(stream));
      return save(doc);
    }
  }

  private static void deflateSpaces(OutputStream raw, int mib) throws IOException {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try (DeflaterOutputStream z = new DeflaterOutputStream(raw, deflater, 1 << 16)) {
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) ' ');
      for (int i = 0; i < mib; i++) {
        z.write(chunk);
      }
    } finally {
      deflater.end();
    }
  }

  private static byte[] pdfWithText(String text) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      return save(doc);
    }
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
