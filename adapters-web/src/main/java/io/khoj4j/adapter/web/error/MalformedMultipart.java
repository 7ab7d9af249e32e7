package io.khoj4j.adapter.web.error;

import java.io.IOException;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * What the multipart parser of Quarkus REST throws while it reads a body that is not valid multipart/form-data, turned
 * into the client error it is. The parser reports such bodies with bare exceptions (an {@link IOException} for a body
 * that ends before its closing boundary, a {@code RuntimeException} for too many parts), which would otherwise be
 * answered 500 and logged as a server fault.
 *
 * <p>Only failures raised by the form-body reader itself are recognised (a frame of its package is on the stack), so
 * an {@code IOException} of the resource or the disk is still a 500.
 */
final class MalformedMultipart {

  /** The path whose answer to too many parts is Khoj's own text, which its desktop client shows. */
  private static final String CONTENT_PATH = "/api/content";

  static final String TOO_MANY_FILES = "Too many files. Maximum number of files is 1000.";

  private static final String PARSER_PACKAGE = MultipartParser.class.getPackageName() + ".";
  private static final String FORM_HANDLER =
      "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler";

  private MalformedMultipart() {}

  /** The status and reason for a failure of the form-body reader, or empty when {@code failure} is something else. */
  static Optional<Problem> of(Throwable failure, String path) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Optional<Problem> problem = classify(t, path);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<Problem> classify(Throwable t, String path) {
    if (!raisedByFormReader(t)) {
      return Optional.empty();
    }
    if (t instanceof MultiPartParserDefinition.FileTooLargeException) {
      return Optional.of(
          new Problem(413, "A file in the multipart body is larger than this server accepts."));
    }
    if (t instanceof MultipartParser.MalformedMessageException) {
      return Optional.of(new Problem(
          400,
          "Malformed multipart body: a part's headers could not be read "
              + "(each header needs a name and a colon, and header values no line breaks)."));
    }
    String message = t.getMessage() == null ? "" : t.getMessage();
    if (message.startsWith("Param limit of")) {
      return Optional.of(new Problem(
          400,
          CONTENT_PATH.equals(path) ? TOO_MANY_FILES : "Too many parts in the multipart body."));
    }
    if (t instanceof IOException && message.contains("terminated parsing multipart")) {
      return Optional.of(new Problem(
          400,
          "Malformed multipart body: it ended before its closing boundary, "
              + "or its parts do not use the boundary of the Content-Type header."));
    }
    return Optional.empty();
  }

  private static boolean raisedByFormReader(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith(PARSER_PACKAGE) || type.startsWith(FORM_HANDLER)) {
        return true;
      }
    }
    return false;
  }

  record Problem(int status, String detail) {}
}
