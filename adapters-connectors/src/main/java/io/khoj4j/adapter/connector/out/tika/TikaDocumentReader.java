package io.khoj4j.adapter.connector.out.tika;

import io.khoj4j.application.port.out.content.DocumentReader;
import io.khoj4j.application.port.out.content.Extraction;
import io.khoj4j.domain.content.ContentType;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.xml.sax.SAXException;

/**
 * Reads PDF (page by page), Word, HTML/XML and images (OCR through Tesseract, when installed) with Apache Tika.
 * Protected against hostile files, each limit applied while the file streams rather than after (see
 * {@link ExtractionSettings}): zip containers are scanned part by part and stopped past a compression ratio or an
 * unpacked size; a PDF's streams are decoded into a counting sink and stopped the same way ({@link PdfStreamGuard});
 * Word documents are read with Tika's streaming (SAX) reader so the character limit stops them as the
 * text arrives; images are measured from their header before OCR; and every document is read on a bounded pool with
 * a processor-time and a wall-clock limit.
 */
@ApplicationScoped
public class TikaDocumentReader implements DocumentReader {

  private static final Logger LOG = Logger.getLogger(TikaDocumentReader.class);
  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** The limits in plain values, for wiring and for tests. */
  record Limits(
      int maxCharacters,
      long maxExpandedBytes,
      int maxCompressionRatio,
      long maxPixels,
      Duration cpuTime,
      Duration timeout,
      int threads) {

    static Limits defaults() {
      return new Limits(
          20_000_000,
          256L << 20,
          100,
          50_000_000L,
          Duration.ofSeconds(60),
          Duration.ofSeconds(120),
          Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    static Limits of(ExtractionSettings s) {
      return new Limits(
          s.maxCharacters(),
          s.maxExpandedSize().asLongValue(),
          s.maxCompressionRatio(),
          s.maxPixels(),
          s.cpuTime(),
          s.timeout(),
          s.threadCount());
    }
  }

  private final AutoDetectParser parser;
  private final TikaConfig config;
  private final Limits limits;
  private final boolean ocrPdfs;
  private final boolean tesseract;
  private final TesseractOCRParser ocrParser;
  private final ZipContainerGuard zipGuard;
  private final ImageSizeGuard imageGuard;
  private final PdfStreamGuard pdfGuard;
  private final ExtractionPool pool;

  @Inject
  public TikaDocumentReader(
      ExtractionSettings settings,
      @ConfigProperty(name = "khoj.content.ocr-pdf", defaultValue = "false") boolean ocrPdfs) {
    this(Limits.of(settings), ocrPdfs);
  }

  /**
   * A reader with the default limits, for tests. Deliberately not a no-argument constructor: CDI's client proxy
   * calls that one when it is created, which would load Tika, POI and PDFBox at start-up instead of at the first
   * upload.
   */
  static TikaDocumentReader withDefaults() {
    return new TikaDocumentReader(Limits.defaults(), false);
  }

  TikaDocumentReader(Limits limits, boolean ocrPdfs) {
    this.config = TikaConfig.getDefaultConfig();
    this.parser = new AutoDetectParser(config);
    this.limits = limits;
    this.ocrPdfs = ocrPdfs;
    this.ocrParser = tesseractParser();
    this.tesseract = ocrParser != null;
    this.zipGuard = new ZipContainerGuard(
        limits.maxExpandedBytes(), limits.maxCompressionRatio(), limits.maxCharacters());
    this.imageGuard = new ImageSizeGuard(limits.maxPixels());
    this.pdfGuard = new PdfStreamGuard(limits.maxExpandedBytes(), limits.maxCompressionRatio());
    this.pool = new ExtractionPool(limits.threads(), limits.cpuTime(), limits.timeout());
    if (!tesseract) {
      LOG.info(
          "Tesseract is not installed: images will not be indexed (scripts/setup.sh installs it)");
    }
  }

  /** Whether images can be read (Tesseract found on the PATH). */
  public boolean ocrAvailable() {
    return tesseract;
  }

  @Override
  public Optional<ContentType> sniff(String fileName, byte[] content) {
    String mime = detect(fileName, content);
    Optional<ContentType> mapped = switch (mime) {
      case "application/pdf" -> Optional.of(ContentType.PDF);
      case DOCX, "application/msword" -> Optional.of(ContentType.DOCX);
      case "image/png", "image/jpeg", "image/webp" -> Optional.of(ContentType.IMAGE);
      case "text/x-web-markdown", "text/markdown" -> Optional.of(ContentType.MARKDOWN);
      case "text/x-org" -> Optional.of(ContentType.ORG);
      default -> Optional.empty();
    };
    if (mapped.isPresent()) {
      return mapped;
    }
    // code and prose of any flavour: what decodes as text and does not look binary is plain text
    return isText(content) ? Optional.of(ContentType.PLAINTEXT) : Optional.empty();
  }

  @Override
  @WithSpan("index.parse")
  public Extraction extract(String fileName, ContentType type, byte[] content) {
    Span.current()
        .setAttribute("khoj.content_type", type.name())
        .setAttribute("khoj.bytes", content.length);
    String actual = detect(fileName, content);
    boolean matches = switch (type) {
      case PDF -> actual.equals("application/pdf");
      case DOCX ->
        actual.equals(DOCX)
            || actual.equals("application/msword")
            || actual.equals("application/x-tika-ooxml");
      case IMAGE ->
        actual.equals("image/png") || actual.equals("image/jpeg") || actual.equals("image/webp");
      default -> true;
    };
    if (!matches) {
      return new Extraction.Unreadable(
          "declared " + type.wireName() + " but the content is " + actual);
    }
    if (type == ContentType.IMAGE) {
      // measured from the header before Tesseract is asked: a giant is refused for what it is, with
      // or without it
      Optional<String> tooLarge = imageGuard.check(content);
      if (tooLarge.isPresent()) {
        return new Extraction.Unreadable(tooLarge.get());
      }
      if (!tesseract) {
        return new Extraction.Unsupported(
            "images need Tesseract OCR, which is not installed on this server");
      }
    }
    return parse(fileName, content, type);
  }

  @Override
  @WithSpan("index.parse")
  public Extraction extractMarkup(String fileName, byte[] content) {
    Span.current()
        .setAttribute("khoj.content_type", "MARKUP")
        .setAttribute("khoj.bytes", content.length);
    return parse(fileName, content, ContentType.PLAINTEXT);
  }

  private String detect(String fileName, byte[] content) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, baseName(fileName));
    try (InputStream in = new ByteArrayInputStream(content)) {
      return config.getDetector().detect(in, metadata).getBaseType().toString();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private Extraction parse(String fileName, byte[] content, ContentType type) {
    if (ZipContainerGuard.isZip(content)) {
      Optional<String> bomb = zipGuard.inspect(content).refusal();
      if (bomb.isPresent()) {
        return new Extraction.Unreadable(bomb.get());
      }
    }
    return pool.run(fileName, () -> parseNow(fileName, content, type));
  }

  private Extraction parseNow(String fileName, byte[] content, ContentType type) {
    if (type == ContentType.PDF && PdfStreamGuard.isPdf(content)) {
      // on the pool, so the decoding counts against this document's processor time like the rest of
      // its reading
      Optional<String> bomb = pdfGuard.inspect(content).refusal();
      if (bomb.isPresent()) {
        return new Extraction.Unreadable(bomb.get());
      }
    }
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, baseName(fileName));
    ParseContext context = new ParseContext();
    PDFParserConfig pdfConfig = new PDFParserConfig();
    pdfConfig.setOcrStrategy(
        ocrPdfs && tesseract
            ? PDFParserConfig.OCR_STRATEGY.AUTO
            : PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdfConfig.setExtractInlineImages(false);
    context.set(PDFParserConfig.class, pdfConfig);
    OfficeParserConfig office = new OfficeParserConfig();
    // the streaming readers emit text as they parse, so the character limit holds; the default DOCX
    // reader
    // builds the whole document in memory first
    office.setUseSAXDocxExtractor(true);
    office.setUseSAXPptxExtractor(true);
    context.set(OfficeParserConfig.class, office);
    TesseractOCRConfig ocr = new TesseractOCRConfig();
    ocr.setSkipOcr(!tesseract);
    ocr.setTimeoutSeconds(
        (int) Math.max(1, Math.min(Integer.MAX_VALUE, limits.timeout().toSeconds())));
    context.set(TesseractOCRConfig.class, ocr);
    // a web page's title is its text (Khoj reads a page's whole text); a PDF's or DOCX's is
    // metadata
    PageCollector pages = new PageCollector(limits.maxCharacters(), type == ContentType.PLAINTEXT);
    try (InputStream in = new ByteArrayInputStream(content)) {
      if (type == ContentType.IMAGE) {
        ocrParser.parse(in, pages, metadata, context);
      } else {
        parser.parse(in, pages, metadata, context);
      }
    } catch (Exception e) {
      if (pages.limitReached() || WriteLimitReachedException.isWriteLimitReached(e)) {
        return new Extraction.Unreadable(
            "more than " + limits.maxCharacters() + " characters of text");
      }
      return failure(e);
    }
    // a document without text (a blank template, a scanned page without OCR) is read fine: it just
    // has no entries
    List<String> result =
        type == ContentType.PDF ? pages.pages() : List.of(String.join("\n\n", pages.pages()));
    return new Extraction.Pages(result);
  }

  private static Extraction failure(Exception failure) {
    return switch (failure) {
      case EncryptedDocumentException e -> new Extraction.Unreadable("the document is encrypted");
      case ZeroByteFileException e -> new Extraction.Unreadable("empty document");
      case TikaException e -> {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getCause() instanceof EncryptedDocumentException
            || why.toLowerCase(Locale.ROOT).contains("encrypt")
            || why.toLowerCase(Locale.ROOT).contains("password")) {
          yield new Extraction.Unreadable("the document is encrypted");
        }
        yield new Extraction.Unreadable("damaged or not a valid document: " + firstLine(why));
      }
      case SAXException e ->
        new Extraction.Unreadable("damaged document: " + firstLine(String.valueOf(e.getMessage())));
      default ->
        new Extraction.Unreadable("unreadable: " + firstLine(String.valueOf(failure.getMessage())));
    };
  }

  /** Tika's OCR parser, used directly for images (its default registry maps images elsewhere); null without it. */
  private static TesseractOCRParser tesseractParser() {
    try {
      TesseractOCRParser ocr = new TesseractOCRParser();
      ocr.initialize(java.util.Map.of());
      return ocr.hasTesseract() ? ocr : null;
    } catch (TikaException | RuntimeException e) {
      return null;
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  private static String baseName(String fileName) {
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return slash < 0 ? fileName : fileName.substring(slash + 1);
  }

  private static boolean isText(byte[] content) {
    try {
      String text = StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
      long control = text.chars()
          .limit(8192)
          .filter(
              c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')
          .count();
      return text.indexOf('\0') < 0 && control * 10 <= Math.min(8192, text.length());
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
