package io.khoj4j.adapter.web.in.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.application.port.in.model.ChatModelQuery;
import io.khoj4j.application.port.in.model.ConfigureChatModelsCommand;
import io.khoj4j.application.port.in.model.ConfigureChatModelsUseCase;
import io.khoj4j.application.port.in.model.QueryChatModelsUseCase;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ModelVendor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Administrators manage model APIs (keys write-only: sealed at rest, never returned) and chat models, and choose the
 * server's default model.
 */
@Path("/api/admin")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ModelAdminResource {

  private final QueryChatModelsUseCase models;
  private final ConfigureChatModelsUseCase configure;

  public ModelAdminResource(QueryChatModelsUseCase models, ConfigureChatModelsUseCase configure) {
    this.models = models;
    this.configure = configure;
  }

  public record ApiBody(
      String name,
      @JsonProperty("base_url") String baseUrl,
      @JsonProperty("api_key") String apiKey) {}

  public record ModelBody(
      String name,
      @JsonProperty("friendly_name") String friendlyName,
      @JsonProperty("model_type") String modelType,
      @JsonProperty("max_prompt_size") Integer maxPromptSize,
      @JsonProperty("vision_enabled") Boolean visionEnabled,
      @JsonProperty("price_tier") String priceTier,
      String description,
      String strengths,
      @JsonProperty("ai_model_api_id") String apiId) {}

  public record DefaultBody(@JsonProperty("chat_model_id") Long chatModelId) {}

  /** A model API as administrators see it (never its key). */
  public record ApiView(
      String id, String name, @JsonProperty("base_url") String baseUrl) {}

  /** A chat model as administrators see it. */
  public record ModelView(
      long id,
      String name,
      @JsonProperty("friendly_name") String friendlyName,
      @JsonProperty("model_type") String modelType,
      @JsonProperty("max_prompt_size") Integer maxPromptSize,
      @JsonProperty("vision_enabled") boolean visionEnabled,
      @JsonProperty("price_tier") String priceTier,
      String description,
      String strengths,
      @JsonProperty("ai_model_api_id") String apiId) {}

  public record Saved(Object id) {}

  @GET
  @Path("/model-apis")
  public List<ApiView> apis() {
    return models.apis(new ChatModelQuery.Options()).stream()
        .map(a -> new ApiView(a.id().toString(), a.name(), a.baseUrl()))
        .toList();
  }

  @POST
  @Path("/model-apis")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createApi(ApiBody body) {
    return saveApi(Optional.empty(), body, 201);
  }

  @PUT
  @Path("/model-apis/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response updateApi(@PathParam("id") String id, ApiBody body) {
    return saveApi(Optional.of(uuid(id)), body, 200);
  }

  private Response saveApi(Optional<UUID> id, ApiBody body, int status) {
    if (body == null) {
      throw RequestValidationException.missing("body", "name");
    }
    var saved = configure.configure(new ConfigureChatModelsCommand.SaveApi(
        id, body.name(), body.baseUrl(), Optional.ofNullable(body.apiKey())));
    return Response.status(status)
        .entity(new Saved(saved.apiId().orElseThrow().toString()))
        .build();
  }

  @DELETE
  @Path("/model-apis/{id}")
  public StatusResponse deleteApi(@PathParam("id") String id) {
    configure.configure(new ConfigureChatModelsCommand.DeleteApi(uuid(id)));
    return StatusResponse.ok();
  }

  @GET
  @Path("/chat-models")
  public List<ModelView> chatModels() {
    return models.options(new ChatModelQuery.Options()).stream()
        .map(ModelAdminResource::model)
        .toList();
  }

  static ModelView model(ChatModel m) {
    return new ModelView(
        m.id(),
        m.name(),
        m.friendlyName(),
        m.vendor().wireName(),
        m.maxPromptSize(),
        m.visionEnabled(),
        m.priceTier().wireName(),
        m.description(),
        m.strengths(),
        m.apiId() == null ? null : m.apiId().toString());
  }

  @POST
  @Path("/chat-models")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createModel(ModelBody body) {
    return saveModel(0, body, 201);
  }

  @PUT
  @Path("/chat-models/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response updateModel(@PathParam("id") long id, ModelBody body) {
    return saveModel(id, body, 200);
  }

  private Response saveModel(long id, ModelBody body, int status) {
    if (body == null) {
      throw RequestValidationException.missing("body", "name");
    }
    ModelVendor vendor = ModelVendor.fromWire(
            body.modelType() == null ? "openai" : body.modelType())
        .orElseThrow(() -> RequestValidationException.of(
            "body",
            "model_type",
            "Input should be 'openai', 'anthropic', 'google' or 'ollama'",
            body.modelType()));
    UUID api = body.apiId() == null || body.apiId().isBlank() ? null : uuid(body.apiId());
    var saved = configure.configure(new ConfigureChatModelsCommand.SaveModel(
        id,
        body.name(),
        body.friendlyName(),
        vendor,
        body.maxPromptSize(),
        Boolean.TRUE.equals(body.visionEnabled()),
        ChatModel.PriceTier.of(body.priceTier()),
        body.description(),
        body.strengths(),
        api));
    return Response.status(status)
        .entity(new Saved(saved.modelId().orElseThrow()))
        .build();
  }

  @DELETE
  @Path("/chat-models/{id}")
  public StatusResponse deleteModel(@PathParam("id") long id) {
    configure.configure(new ConfigureChatModelsCommand.DeleteModel(id));
    return StatusResponse.ok();
  }

  @PUT
  @Path("/chat-models/default")
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse setDefault(DefaultBody body) {
    configure.configure(new ConfigureChatModelsCommand.SetDefault(
        Optional.ofNullable(body == null ? null : body.chatModelId())));
    return StatusResponse.ok();
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw RequestValidationException.of("path", "id", "Input should be a valid UUID", id);
    }
  }
}
