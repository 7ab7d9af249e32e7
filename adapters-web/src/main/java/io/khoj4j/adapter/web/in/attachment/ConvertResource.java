package io.khoj4j.adapter.web.in.attachment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.content.AttachmentRejectedException;
import io.khoj4j.application.port.in.content.ConvertAttachmentsCommand;
import io.khoj4j.application.port.in.content.ConvertAttachmentsUseCase;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Khoj's {@code POST /api/content/convert}: the web client turns chat attachments into text here and sends the answer
 * back as the chat's {@code files}. Nothing is indexed or stored.
 */
@Path("/api/content/convert")
@Authenticated
public class ConvertResource {

  public record ConvertedFile(
      String name,
      String content,
      @JsonProperty("file_type") String fileType,
      long size) {}

  private final CurrentUser currentUser;
  private final ConvertAttachmentsUseCase convert;

  public ConvertResource(CurrentUser currentUser, ConvertAttachmentsUseCase convert) {
    this.currentUser = currentUser;
    this.convert = convert;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response convert(@RestForm("files") List<FileUpload> uploads) {
    List<FileUpload> parts = uploads == null ? List.of() : uploads;
    if (parts.isEmpty()) {
      return ErrorMappers.json(
          400, "No files to convert: send them as multipart parts named 'files'.");
    }
    if (parts.size() > ConvertAttachmentsUseCase.MAX_FILES) {
      return ErrorMappers.json(
          400,
          "Too many files: at most " + ConvertAttachmentsUseCase.MAX_FILES
              + " attachments per request.");
    }
    List<UploadedFile> files = new ArrayList<>(parts.size());
    for (FileUpload part : parts) {
      files.add(new UploadedFile(
          part.fileName() == null ? "" : part.fileName(), part.contentType(), read(part)));
    }
    try {
      return Response.ok(
              convert
                  .convert(new ConvertAttachmentsCommand(currentUser.id(), files))
                  .attachments()
                  .stream()
                  .map(a -> new ConvertedFile(a.name(), a.content(), a.type().wireName(), a.size()))
                  .toList())
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    } catch (AttachmentRejectedException e) {
      int status = switch (e.reason()) {
        case TOO_LARGE -> 413;
        case UNSUPPORTED -> 415;
        case UNREADABLE -> 422;
      };
      return ErrorMappers.json(status, "Cannot convert " + e.getMessage());
    }
  }

  private static byte[] read(FileUpload part) {
    try {
      return Files.readAllBytes(part.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
