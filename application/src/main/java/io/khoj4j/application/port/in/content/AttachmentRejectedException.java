package io.khoj4j.application.port.in.content;

/** An attachment that cannot be converted: too large, of a type chat does not read, or unreadable. */
public final class AttachmentRejectedException extends RuntimeException {

  /** Why: a too-large file is the client's size problem, the rest are content problems. */
  public enum Reason {
    TOO_LARGE,
    UNSUPPORTED,
    UNREADABLE
  }

  private final String fileName;
  private final Reason reason;

  public AttachmentRejectedException(String fileName, Reason reason, String detail) {
    super(fileName + ": " + detail);
    this.fileName = fileName;
    this.reason = reason;
  }

  public String fileName() {
    return fileName;
  }

  public Reason reason() {
    return reason;
  }
}
