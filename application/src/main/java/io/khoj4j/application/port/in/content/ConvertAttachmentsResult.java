package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.content.ContentType;
import java.util.List;

/** The converted attachments, in the order they were sent. */
public record ConvertAttachmentsResult(List<Attachment> attachments) {

  public ConvertAttachmentsResult {
    attachments = List.copyOf(attachments);
  }

  /** One attachment's text; {@code size} is the byte count of that text in UTF-8, as Khoj reports it. */
  public record Attachment(String name, String content, ContentType type, long size) {}
}
