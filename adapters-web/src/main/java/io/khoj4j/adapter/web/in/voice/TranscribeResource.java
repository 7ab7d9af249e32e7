package io.khoj4j.adapter.web.in.voice;

import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.voice.TranscribeAudioCommand;
import io.khoj4j.application.port.in.voice.TranscribeAudioUseCase;
import io.khoj4j.application.port.in.voice.VoiceNotConfiguredException;
import io.khoj4j.domain.voice.AudioClip;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Khoj's {@code POST /api/transcribe}: a recording (multipart part {@code file}) becomes {@code {"text"}}. Without a
 * transcription server: 501, which Obsidian reads as "configure speech-to-text". The upload's temporary file is
 * removed by Quarkus after the request; the audio is never stored.
 */
@Path("/api/transcribe")
@Authenticated
public class TranscribeResource {

  private final CurrentUser currentUser;
  private final TranscribeAudioUseCase transcribe;

  public TranscribeResource(CurrentUser currentUser, TranscribeAudioUseCase transcribe) {
    this.currentUser = currentUser;
    this.transcribe = transcribe;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response transcribe(@RestForm("file") FileUpload file) {
    if (file == null) {
      throw RequestValidationException.missing("body", "file");
    }
    if (file.size() > transcribe.maxAudioBytes()) {
      // refused before the upload is read into memory (the body may be up to the server's 200 MB)
      throw new InvalidInputException(
          TranscribeAudioUseCase.tooLarge(transcribe.maxAudioBytes(), file.size()));
    }
    try {
      String text = transcribe.transcribe(new TranscribeAudioCommand(
          currentUser.id(), new AudioClip(file.fileName(), file.contentType(), read(file))));
      return Response.ok(new Transcription(text), MediaType.APPLICATION_JSON_TYPE)
          .build();
    } catch (VoiceNotConfiguredException e) {
      return ErrorMappers.json(501, e.getMessage());
    }
  }

  private static byte[] read(FileUpload part) {
    try {
      return Files.readAllBytes(part.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Khoj's {@code {"text": ...}}: what was said. */
  public record Transcription(String text) {}
}
