package io.khoj4j.adapter.connector.out.tika;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.khoj4j.application.port.out.content.Extraction;
import io.khoj4j.domain.content.ContentType;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TikaDocumentReaderTest {

  @Test
  void hasNoNoArgumentConstructorForTheClientProxyToRunAtStartUp() {
    // CDI's client proxy of an @ApplicationScoped bean calls the class's no-argument constructor
    // when it is created;
    // here that would load Tika, POI and PDFBox (about a thousand classes) at start-up rather than
    // at the first upload
    assertThat(java.util.Arrays.stream(TikaDocumentReader.class.getDeclaredConstructors()))
        .noneMatch(c -> c.getParameterCount() == 0);
  }

  private static final TikaDocumentReader READER = TikaDocumentReader.withDefaults();

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = TikaDocumentReaderTest.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void pdfComesOutPageByPage() throws IOException {
    Extraction e =
        READER.extract("/docs/four.pdf", ContentType.PDF, fixture("pdflatex-4-pages.pdf"));

    assertThat(e).isInstanceOfSatisfying(Extraction.Pages.class, p -> {
      assertThat(p.pages()).hasSize(4);
      assertThat(p.pages().getFirst()).startsWith("Hello, here is some text without a meaning.");
    });
  }

  @Test
  void aPdfsTitleIsNoPageAndABlankPageKeepsItsPlace() throws IOException {
    byte[] pdf;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      doc.getDocumentInformation().setTitle("Quarterly Report");
      for (String text : new String[] {"First page text", null, "Third page text"}) {
        org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
        doc.addPage(page);
        if (text != null) {
          try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
              new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(
                new org.apache.pdfbox.pdmodel.font.PDType1Font(
                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA),
                12);
            content.newLineAtOffset(72, 700);
            content.showText(text);
            content.endText();
          }
        }
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    }

    Extraction e = READER.extract("report.pdf", ContentType.PDF, pdf);

    // the title was read as a first page of its own, and the blank page dropped (page 3 read as
    // page 2)
    assertThat(e)
        .isInstanceOfSatisfying(
            Extraction.Pages.class,
            p -> assertThat(p.pages()).containsExactly("First page text", "", "Third page text"));
  }

  @Test
  void encryptedPdfIsUnreadableWithAReason() throws IOException {
    Extraction e =
        READER.extract("p.pdf", ContentType.PDF, fixture("libreoffice-writer-password.pdf"));

    assertThat(e).isEqualTo(new Extraction.Unreadable("the document is encrypted"));
  }

  @Test
  void truncatedOrFakePdfIsUnreadable() throws IOException {
    byte[] pdf = fixture("pdflatex-4-pages.pdf");

    assertThat(READER.extract("t.pdf", ContentType.PDF, Arrays.copyOf(pdf, 900)))
        .isInstanceOf(Extraction.Unreadable.class);
    assertThat(
            READER.extract("f.pdf", ContentType.PDF, "just text".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(Extraction.Unreadable.class);
  }

  @Test
  void docxIsOnePageOfText() throws IOException {
    Extraction e = READER.extract("d.docx", ContentType.DOCX, fixture("par-known-paragraphs.docx"));

    assertThat(e).isInstanceOfSatisfying(Extraction.Pages.class, p -> {
      assertThat(p.pages()).hasSize(1);
      assertThat(p.pages().getFirst()).contains("Heading Paragraph").contains("Normal paragraph");
    });
  }

  @Test
  void zipBombDocxIsRefusedWithoutExhaustingMemory() throws IOException {
    byte[] bomb = zipBomb(fixture("par-known-paragraphs.docx"));

    Extraction e = READER.extract("bomb.docx", ContentType.DOCX, bomb);

    assertThat(e).isInstanceOf(Extraction.Unreadable.class);
  }

  /** A real DOCX whose document.xml is inflated by 64 MB of one repeated character: compresses over 1000:1. */
  private static byte[] zipBomb(byte[] docx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(docx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("word/document.xml")) {
          String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          int at = xml.indexOf("<w:t>") + 5;
          zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
          byte[] block = new byte[1 << 20];
          Arrays.fill(block, (byte) 'a');
          for (int i = 0; i < 64; i++) {
            zip.write(block);
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

  @Test
  void aDocumentWithoutTextIsReadAsEmpty() {
    Extraction blank = READER.extractMarkup(
        "blank.html", "<html><body> </body></html>".getBytes(StandardCharsets.UTF_8));

    assertThat(blank)
        .isInstanceOfSatisfying(
            Extraction.Pages.class, p -> assertThat(p.pages()).allMatch(String::isBlank));
  }

  @Test
  void htmlBecomesVisibleText() {
    String html = "<html><head><title>T</title><script>var x = 1;</script></head>"
        + "<body><h1>Tardigrades</h1><p>Water bears survive <b>space</b>.</p></body></html>";

    Extraction e = READER.extractMarkup("page.html", html.getBytes(StandardCharsets.UTF_8));

    assertThat(e)
        .isInstanceOfSatisfying(
            Extraction.Pages.class,
            p -> assertThat(p.pages().getFirst())
                .contains("Tardigrades")
                .contains("Water bears survive space.")
                .doesNotContain("var x"));
  }

  @Test
  void imagesAreReadByOcrWhenTesseractIsInstalled() throws IOException {
    assumeTrue(READER.ocrAvailable(), "tesseract not installed (KHOJ4J_SKIP_OCR)");
    BufferedImage image = new BufferedImage(900, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 900, 200);
    g.setColor(Color.BLACK);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 56));
    g.drawString("Kilimanjaro expedition", 30, 120);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);

    Extraction e = READER.extract("photo.png", ContentType.IMAGE, png.toByteArray());

    assertThat(e)
        .isInstanceOfSatisfying(
            Extraction.Pages.class,
            p -> assertThat(p.pages().getFirst()).containsIgnoringCase("Kilimanjaro"));
  }

  @Test
  void sniffingRecognisesDocumentsTextAndBinary() throws IOException {
    assertThat(READER.sniff("x", fixture("pdflatex-4-pages.pdf"))).contains(ContentType.PDF);
    assertThat(READER.sniff("x.docx", fixture("par-known-paragraphs.docx")))
        .contains(ContentType.DOCX);
    assertThat(READER.sniff("script.py", "print('hi')\n".getBytes(StandardCharsets.UTF_8)))
        .contains(ContentType.PLAINTEXT);
    assertThat(READER.sniff("blob", new byte[] {0, 1, 2, 3, (byte) 0xff, 0})).isEmpty();
  }
}
