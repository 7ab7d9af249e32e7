package io.khoj4j.adapter.web.in.voice;

import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.voice.SelectVoiceCommand;
import io.khoj4j.application.port.in.voice.SelectVoiceUseCase;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Khoj's {@code POST /api/model/voice?id=}: picks the caller's read-aloud voice among those configured (the ids that
 * {@code GET /api/settings?detailed=true} lists as {@code voice_model_options}). {@code 202 {"status":"ok"}}; an
 * unknown voice is Khoj's {@code 404 {"status":"error","message":"Voice model not found"}}.
 */
@Path("/api/model/voice")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VoiceModelResource {

  private final CurrentUser currentUser;
  private final SelectVoiceUseCase select;

  public VoiceModelResource(CurrentUser currentUser, SelectVoiceUseCase select) {
    this.currentUser = currentUser;
    this.select = select;
  }

  @POST
  public Response select(@QueryParam("id") String id) {
    if (id == null || id.isBlank()) {
      throw RequestValidationException.missing("query", "id");
    }
    if (id.length() > 200) {
      throw RequestValidationException.of(
          "query", "id", "String should have at most 200 characters", id);
    }
    try {
      select.select(new SelectVoiceCommand(currentUser.id(), id));
    } catch (NotFoundException e) {
      return Response.status(404)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(StatusResponse.error(e.getMessage()))
          .build();
    }
    return Response.status(202)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(StatusResponse.ok())
        .build();
  }
}
