package io.khoj4j.application.service.content;

import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.content.DocumentReader;
import io.khoj4j.application.port.out.content.Extraction;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.MarkdownSections;
import io.khoj4j.domain.content.OrgSections;
import io.khoj4j.domain.content.PlainTextSections;
import io.khoj4j.domain.content.Section;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one uploaded part into sections: decides its type (the part's Content-Type as Khoj maps it, else the file
 * name and content), decodes text strictly, and hands each type to its processor. Every way a file can be bad ends
 * in {@link Parsed.Rejected} with a reason, never an exception.
 */
final class FileParser {

  sealed interface Parsed {
    String name();

    record Deletion(String name) implements Parsed {}

    record Rejected(String name, String reason) implements Parsed {}

    record Sections(
        String name, ContentType type, List<Section> sections, String fullText, long size)
        implements Parsed {}
  }

  private static final Pattern CHARSET =
      Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final DocumentReader reader;
  private final IndexingLimits limits;

  FileParser(DocumentReader reader, IndexingLimits limits) {
    this.reader = reader;
    this.limits = limits;
  }

  Parsed parse(UploadedFile file, Optional<ContentType> onlyType) {
    return parse(file, onlyType, ContentSource.COMPUTER);
  }

  /**
   * A connector's file is text by construction: its part's content type names the processor (markdown, org, else
   * plain text), never the name or a sniffer.
   */
  Parsed parse(UploadedFile file, Optional<ContentType> onlyType, ContentSource source) {
    if (source != ContentSource.COMPUTER) {
      return parseConnectorFile(file);
    }
    String name = file.name();
    Optional<String> badName = checkName(name);
    if (badName.isPresent()) {
      return new Parsed.Rejected(name, badName.get());
    }
    if (file.isDeletion()) {
      return new Parsed.Deletion(name);
    }
    if (file.content().length > limits.maxFileBytes()) {
      return new Parsed.Rejected(
          name, "larger than the per-file limit of " + limits.maxFileBytes() + " bytes");
    }
    Optional<ContentType> type = typeOf(file);
    if (type.isEmpty()) {
      return new Parsed.Rejected(
          name, "not a type khoj4j indexes (content type " + file.contentType() + ")");
    }
    if (onlyType.isPresent() && onlyType.get() != type.get()) {
      return new Parsed.Rejected(
          name,
          "type " + type.get().wireName() + " excluded by t=" + onlyType.get().wireName());
    }
    return switch (type.get()) {
      case MARKDOWN, ORG, PLAINTEXT -> parseText(file, type.get());
      case PDF, DOCX, IMAGE -> parseDocument(file, type.get());
      case GITHUB, NOTION -> new Parsed.Rejected(name, "connector content cannot be uploaded");
    };
  }

  private Parsed parseConnectorFile(UploadedFile file) {
    Optional<String> badName = checkName(file.name());
    if (badName.isPresent()) {
      return new Parsed.Rejected(file.name(), badName.get());
    }
    if (file.isDeletion()) {
      return new Parsed.Deletion(file.name());
    }
    if (file.content().length > limits.maxFileBytes()) {
      return new Parsed.Rejected(
          file.name(), "larger than the per-file limit of " + limits.maxFileBytes() + " bytes");
    }
    String mime = file.contentType() == null
        ? ""
        : file.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
    ContentType type = switch (mime) {
      case "text/markdown" -> ContentType.MARKDOWN;
      case "text/org" -> ContentType.ORG;
      default -> ContentType.PLAINTEXT;
    };
    return parseText(file, type);
  }

  private Parsed parseText(UploadedFile file, ContentType type) {
    String name = file.name();
    String text;
    try {
      text = decode(file);
    } catch (CharacterCodingException e) {
      return new Parsed.Rejected(
          name, "text is not valid " + charsetOf(file.contentType()).name());
    } catch (IllegalArgumentException e) {
      return new Parsed.Rejected(name, "unknown charset in content type " + file.contentType());
    }
    if (looksBinary(text)) {
      return new Parsed.Rejected(name, "binary content sent as text");
    }
    int words = limits.maxWordsPerChunk();
    return switch (type) {
      case MARKDOWN ->
        new Parsed.Sections(
            name, type, new MarkdownSections(words).of(name, text), text, file.content().length);
      case ORG ->
        new Parsed.Sections(
            name, type, new OrgSections(words).of(name, text), text, file.content().length);
      default -> {
        String plain = text;
        if (isMarkup(name)) {
          Extraction extraction = reader.extractMarkup(name, file.content());
          if (!(extraction instanceof Extraction.Pages pages)) {
            yield rejected(name, extraction);
          }
          plain = String.join("\n", pages.pages());
        }
        yield new Parsed.Sections(
            name, type, PlainTextSections.of(name, plain), plain, file.content().length);
      }
    };
  }

  private Parsed parseDocument(UploadedFile file, ContentType type) {
    Extraction extraction = reader.extract(file.name(), type, file.content());
    if (!(extraction instanceof Extraction.Pages pages)) {
      return rejected(file.name(), extraction);
    }
    List<String> cleaned =
        pages.pages().stream().map(p -> p.replace("\u0000", "")).toList();
    return new Parsed.Sections(
        file.name(),
        type,
        PlainTextSections.ofPages(file.name(), cleaned),
        PlainTextSections.joinPages(file.name(), cleaned),
        file.content().length);
  }

  private static Parsed rejected(String name, Extraction extraction) {
    return switch (extraction) {
      case Extraction.Unreadable u -> new Parsed.Rejected(name, u.reason());
      case Extraction.Unsupported u -> new Parsed.Rejected(name, u.reason());
      case Extraction.Pages p -> throw new IllegalStateException("pages are not a rejection");
    };
  }

  /** Khoj's mapping of the part's Content-Type; unknown or generic types fall back to the name and the bytes. */
  private Optional<ContentType> typeOf(UploadedFile file) {
    String mime = file.contentType() == null
        ? ""
        : file.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
    Optional<ContentType> declared = switch (mime) {
      case "text/markdown", "text/x-markdown" -> Optional.of(ContentType.MARKDOWN);
      case "text/org", "text/x-org" -> Optional.of(ContentType.ORG);
      case "application/pdf" -> Optional.of(ContentType.PDF);
      case "application/msword",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ->
        Optional.of(ContentType.DOCX);
      case "image/jpeg", "image/png", "image/webp" -> Optional.of(ContentType.IMAGE);
      default -> Optional.empty();
    };
    if (declared.isPresent()) {
      return declared;
    }
    String lower = file.name().toLowerCase(Locale.ROOT);
    if (mime.startsWith("text/") || mime.isEmpty() || mime.equals("application/octet-stream")) {
      if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
        return Optional.of(ContentType.MARKDOWN);
      }
      if (lower.endsWith(".org")) {
        return Optional.of(ContentType.ORG);
      }
    }
    return reader.sniff(file.name(), file.content());
  }

  private static String decode(UploadedFile file) throws CharacterCodingException {
    Charset charset = charsetOf(file.contentType());
    String text = charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(file.content()))
        .toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The declared charset, else UTF-8 (Khoj's Emacs client and web app send none). */
  static Charset charsetOf(String contentType) {
    if (contentType != null) {
      Matcher m = CHARSET.matcher(contentType);
      if (m.find()) {
        return Charset.forName(m.group(1));
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** NUL bytes, or more than 10% control characters other than whitespace, mean this is not text. */
  static boolean looksBinary(String text) {
    if (text.indexOf('\u0000') >= 0) {
      return true;
    }
    int sample = Math.min(text.length(), 8192);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    return sample > 0 && control * 10 > sample;
  }

  private static boolean isMarkup(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xml");
  }

  /** A name with a {@code ..} segment or control characters is refused: it could address another place. */
  static Optional<String> checkName(String name) {
    if (name.isBlank()) {
      return Optional.of("empty file name");
    }
    if (name.length() > 1000) {
      return Optional.of("file name longer than 1000 characters");
    }
    if (CONTROL.matcher(name).find()) {
      return Optional.of("control characters in file name");
    }
    for (String segment : name.split("[/\\\\]")) {
      if (segment.equals("..")) {
        return Optional.of("'..' in file name");
      }
    }
    return Optional.empty();
  }
}
