package io.khoj4j.application.service.content;

import io.khoj4j.application.port.in.content.AttachmentRejectedException;
import io.khoj4j.application.port.in.content.AttachmentRejectedException.Reason;
import io.khoj4j.application.port.in.content.ConvertAttachmentsCommand;
import io.khoj4j.application.port.in.content.ConvertAttachmentsResult;
import io.khoj4j.application.port.in.content.ConvertAttachmentsResult.Attachment;
import io.khoj4j.application.port.in.content.ConvertAttachmentsUseCase;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.content.DocumentReader;
import io.khoj4j.domain.content.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Converts chat attachments with the same parser indexing uses (so PDF and DOCX pages read "Page i of name:"), but
 * stores nothing. Khoj silently drops files it cannot convert; khoj4j refuses the request and says which file and
 * why, so a user never chats believing the model saw an attachment it did not.
 */
public final class ConvertAttachmentsService implements ConvertAttachmentsUseCase {

  /** Khoj's limit per attachment. */
  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private static final Set<ContentType> CHAT_TYPES = EnumSet.of(
      ContentType.ORG,
      ContentType.MARKDOWN,
      ContentType.PDF,
      ContentType.PLAINTEXT,
      ContentType.DOCX);

  private final DocumentReader reader;
  private final FileParser parser;

  public ConvertAttachmentsService(DocumentReader reader, IndexingLimits limits) {
    this.reader = reader;
    this.parser = new FileParser(reader, limits);
  }

  /** Images would go through OCR when indexed; as attachments Khoj does not read them, so neither does khoj4j. */
  private boolean isImage(UploadedFile file) {
    String mime =
        file.contentType() == null ? "" : file.contentType().strip().toLowerCase(Locale.ROOT);
    return mime.startsWith("image/")
        || reader
            .sniff(file.name(), file.content())
            .filter(t -> t == ContentType.IMAGE)
            .isPresent();
  }

  @Override
  public ConvertAttachmentsResult convert(ConvertAttachmentsCommand command) {
    List<Attachment> out = new ArrayList<>(command.files().size());
    for (UploadedFile file : command.files()) {
      if (file.content().length > MAX_FILE_BYTES) {
        throw new AttachmentRejectedException(
            file.name(),
            Reason.TOO_LARGE,
            "larger than the attachment limit of " + MAX_FILE_BYTES + " bytes");
      }
      if (file.isDeletion()) {
        throw new AttachmentRejectedException(file.name(), Reason.UNREADABLE, "the file is empty");
      }
      if (isImage(file)) {
        throw new AttachmentRejectedException(
            file.name(),
            Reason.UNSUPPORTED,
            "chat attachments must be org, markdown, pdf, plaintext or docx, not an image");
      }
      switch (parser.parse(file, Optional.empty())) {
        case FileParser.Parsed.Sections s
        when CHAT_TYPES.contains(s.type()) ->
          out.add(new Attachment(
              s.name(),
              s.fullText(),
              s.type(),
              s.fullText().getBytes(StandardCharsets.UTF_8).length));
        case FileParser.Parsed.Sections s ->
          throw new AttachmentRejectedException(
              file.name(),
              Reason.UNSUPPORTED,
              "chat attachments must be org, markdown, pdf, plaintext or docx, not "
                  + s.type().wireName());
        case FileParser.Parsed.Rejected r ->
          throw new AttachmentRejectedException(
              file.name(),
              r.reason().startsWith("not a type")
                  ? Reason.UNSUPPORTED
                  : r.reason().startsWith("larger than") ? Reason.TOO_LARGE : Reason.UNREADABLE,
              r.reason());
        case FileParser.Parsed.Deletion d ->
          throw new AttachmentRejectedException(
              file.name(), Reason.UNREADABLE, "the file is empty");
      }
    }
    return new ConvertAttachmentsResult(out);
  }
}
