package io.khoj4j.adapter.web.in.voice;

import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.voice.SpeakTextCommand;
import io.khoj4j.application.port.in.voice.SpeakTextUseCase;
import io.khoj4j.application.port.in.voice.SpokenAudio;
import io.khoj4j.application.port.in.voice.VoiceNotConfiguredException;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Khoj's {@code POST /api/chat/speech?text=}: the text read aloud, as {@code audio/mpeg}, sent chunked as the provider
 * sends it (as Khoj streams ElevenLabs' audio). Bad input, limits and a provider failing on the first piece are
 * answered with their status before any audio; a failure later can only cut the audio short. Without a speech
 * provider: 503, as Khoj answers without its ElevenLabs key.
 */
@Path("/api/chat/speech")
@Authenticated
public class SpeechResource {

  private final CurrentUser currentUser;
  private final SpeakTextUseCase speak;

  public SpeechResource(CurrentUser currentUser, SpeakTextUseCase speak) {
    this.currentUser = currentUser;
    this.speak = speak;
  }

  @POST
  @Blocking
  @Produces({"audio/mpeg", "application/json"})
  public Response speech(@QueryParam("text") String text) {
    if (text == null) {
      throw RequestValidationException.missing("query", "text");
    }
    SpokenAudio audio;
    try {
      audio = speak.speak(new SpeakTextCommand(currentUser.id(), text));
    } catch (VoiceNotConfiguredException e) {
      return ErrorMappers.json(503, e.getMessage());
    }
    StreamingOutput body = audio::writeTo;
    return Response.ok(body, audio.mediaType()).build();
  }
}
