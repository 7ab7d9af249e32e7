package io.khoj4j.adapter.web;

import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A multipart file part as Quarkus hands it to a resource: its bytes in a temporary file. */
public record Upload(String fileName, String contentType, String charSet, Path filePath)
    implements FileUpload {

  public static Upload of(Path dir, String fileName, String contentType, String text) {
    try {
      Path file = Files.createTempFile(dir, "part", ".bin");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return new Upload(fileName, contentType, null, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Upload withCharSet(String charSet) {
    return new Upload(fileName, contentType, charSet, filePath);
  }

  @Override
  public String name() {
    return "files";
  }

  @Override
  public long size() {
    try {
      return Files.size(filePath);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public MultivaluedMap<String, String> getHeaders() {
    return null;
  }
}
