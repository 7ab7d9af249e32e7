package io.khoj4j.bootstrap.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds multipart bodies byte by byte, the way real Khoj clients send them (Emacs: a preamble line, raw UTF-8
 * absolute paths, lower-case headers, no charset), so tests see exactly what the server would.
 */
public final class Multipart {

  public static final String BOUNDARY = "khoj4j-test-boundary-7f3a";

  private record Part(String name, String contentType, byte[] content) {}

  private final List<Part> parts = new ArrayList<>();
  private String preamble = "";
  private boolean lowerCaseHeaders;

  public static Multipart files() {
    return new Multipart();
  }

  public Multipart emacsStyle() {
    preamble = "\r\n";
    lowerCaseHeaders = true;
    return this;
  }

  public Multipart add(String fileName, String contentType, String content) {
    return add(fileName, contentType, content.getBytes(StandardCharsets.UTF_8));
  }

  public Multipart add(String fileName, String contentType, byte[] content) {
    parts.add(new Part(fileName, contentType, content));
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, preamble);
    for (Part p : parts) {
      write(out, "--" + BOUNDARY + "\r\n");
      write(
          out,
          (lowerCaseHeaders ? "content-disposition" : "Content-Disposition")
              + ": form-data; name=\"files\"; filename=\"" + p.name() + "\"\r\n");
      if (p.contentType() != null) {
        write(
            out,
            (lowerCaseHeaders ? "content-type" : "Content-Type") + ": " + p.contentType() + "\r\n");
      }
      write(out, "\r\n");
      out.writeBytes(p.content());
      write(out, "\r\n");
    }
    write(out, "--" + BOUNDARY + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
