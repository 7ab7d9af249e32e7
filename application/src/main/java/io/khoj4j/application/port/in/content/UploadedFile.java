package io.khoj4j.application.port.in.content;

import java.util.Objects;

/**
 * One multipart part as the client sent it: the name exactly as received (it is echoed back byte for byte), the
 * part's Content-Type header (may be null) and its bytes. Zero bytes means "this file was deleted".
 */
public record UploadedFile(String name, String contentType, byte[] content) {

  public UploadedFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }

  public boolean isDeletion() {
    return content.length == 0;
  }

  @Override
  public String toString() {
    return "UploadedFile[" + name + ", " + contentType + ", " + content.length + " bytes]";
  }
}
