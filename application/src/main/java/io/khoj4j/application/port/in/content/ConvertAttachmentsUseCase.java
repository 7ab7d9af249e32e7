package io.khoj4j.application.port.in.content;

/** Turns chat attachments into text for the chat's {@code files} field, without indexing them. */
public interface ConvertAttachmentsUseCase {

  /** At most this many attachments in one request. */
  int MAX_FILES = 20;

  /** Every file converted, in order; throws {@link AttachmentRejectedException} naming the first file that is not. */
  ConvertAttachmentsResult convert(ConvertAttachmentsCommand command);
}
