package io.khoj4j.adapter.llm.out.chat;

/**
 * A model's answer stream that cannot be trusted to be whole: the connection closed before the vendor's end marker,
 * or a frame could not be read. Always worth a retry while nothing has reached the user.
 */
final class BrokenStreamException extends RuntimeException {

  enum Kind {
    /** The stream ended without the vendor's end marker. */
    TRUNCATED,
    /** A frame could not be parsed. */
    MALFORMED
  }

  private final Kind kind;

  BrokenStreamException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }
}
