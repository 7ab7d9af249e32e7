package io.khoj4j.adapter.web.in.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.model.ChatModelQuery;
import io.khoj4j.application.port.in.model.ListPaintModelsQuery;
import io.khoj4j.application.port.in.model.ListPaintModelsUseCase;
import io.khoj4j.application.port.in.model.QueryChatModelsUseCase;
import io.khoj4j.application.port.in.model.SelectChatModelCommand;
import io.khoj4j.application.port.in.model.SelectChatModelUseCase;
import io.khoj4j.application.port.in.model.SelectPaintModelCommand;
import io.khoj4j.application.port.in.model.SelectPaintModelUseCase;
import io.khoj4j.domain.chat.ChatModel;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Khoj's model routes: the chat models users may pick, and their choice; the image models the operator configured
 * (at most one today, every user's selection), so choosing another id is Khoj's "not found".
 */
@Path("/api/model")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

  private final CurrentUser currentUser;
  private final QueryChatModelsUseCase models;
  private final SelectChatModelUseCase select;
  private final ListPaintModelsUseCase paintModels;
  private final SelectPaintModelUseCase selectPaint;

  public ModelResource(
      CurrentUser currentUser,
      QueryChatModelsUseCase models,
      SelectChatModelUseCase select,
      ListPaintModelsUseCase paintModels,
      SelectPaintModelUseCase selectPaint) {
    this.currentUser = currentUser;
    this.models = models;
    this.select = select;
    this.paintModels = paintModels;
    this.selectPaint = selectPaint;
  }

  /** An image model a user may pick. */
  public record PaintOption(String name, long id, String tier) {}

  /** A chat model a user may pick. */
  public record Option(String name, long id, String strengths, String description, String tier) {}

  /** The user's chat model: its id and name (both null when none is configured). */
  public record Current(Long id, @JsonProperty("chat_model") String chatModel) {}

  @GET
  @Path("/chat/options")
  @PermitAll
  public List<Option> options() {
    return models.options(new ChatModelQuery.Options()).stream()
        .map(m -> new Option(
            m.friendlyName(),
            m.id(),
            m.strengths(),
            m.description(),
            m.priceTier().wireName()))
        .toList();
  }

  @GET
  @Path("/chat")
  @Authenticated
  public Current current() {
    Optional<ChatModel> model = models.effective(new ChatModelQuery.Effective(currentUser.id()));
    return new Current(
        model.map(ChatModel::id).orElse(null),
        model.map(ChatModel::friendlyName).orElse(null));
  }

  @POST
  @Path("/chat")
  @Authenticated
  public Response choose(@QueryParam("id") String id) {
    return choose(
        id,
        "Chat model not found",
        modelId -> select.select(new SelectChatModelCommand(currentUser.id(), modelId)));
  }

  @GET
  @Path("/paint/options")
  @Authenticated
  public List<PaintOption> paintOptions() {
    return paintModels.list(new ListPaintModelsQuery()).stream()
        .map(m -> new PaintOption(m.name(), m.id(), m.tier()))
        .toList();
  }

  /** Khoj's {@code POST /api/model/paint?id=}: an offered id becomes the user's model; any other is unknown. */
  @POST
  @Path("/paint")
  @Authenticated
  public Response choosePaint(@QueryParam("id") String id) {
    return choose(
        id,
        "Image model not found",
        modelId -> selectPaint.select(new SelectPaintModelCommand(currentUser.id(), modelId)));
  }

  /** Khoj's answers to choosing a model by {@code id}: 404 for an unknown one, 403 for one of a higher tier. */
  private static Response choose(String id, String unknown, LongConsumer select) {
    if (id == null) {
      throw RequestValidationException.missing("query", "id");
    }
    long modelId;
    try {
      modelId = Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      throw RequestValidationException.of("query", "id", "Input should be a valid integer", id);
    }
    try {
      select.accept(modelId);
    } catch (NotFoundException notOffered) {
      return Response.status(404)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(StatusResponse.error(unknown))
          .build();
    } catch (ForbiddenException paid) {
      return Response.status(403)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(StatusResponse.error(paid.getMessage()))
          .build();
    }
    return Response.ok(StatusResponse.ok()).build();
  }
}
