package io.khoj4j.adapter.web.in.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.application.port.in.model.ConfigureImageModelsCommand;
import io.khoj4j.application.port.in.model.ConfigureImageModelsUseCase;
import io.khoj4j.application.port.in.model.ListImageModelsQuery;
import io.khoj4j.application.port.in.model.ListImageModelsUseCase;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.image.ImageModel;
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
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Administrators manage the text-to-image models users choose among, as Khoj's text-to-image model settings (Khoj edits
 * them in its Django admin): {@code name} (the vendor's model), {@code friendly_name}, {@code model_type}
 * ({@code openai}, also for OpenAI-compatible servers, {@code google} or {@code replicate}), {@code api_key}
 * (write-only: sealed at rest, never returned), {@code api_url} and {@code price_tier}. Users list them with
 * {@code GET /api/model/paint/options} and pick one with {@code POST /api/model/paint}.
 */
@Path("/api/admin/image-models")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ImageModelAdminResource {

  private final ListImageModelsUseCase list;
  private final ConfigureImageModelsUseCase configure;

  public ImageModelAdminResource(
      ListImageModelsUseCase list, ConfigureImageModelsUseCase configure) {
    this.list = list;
    this.configure = configure;
  }

  /** A model as administrators see it: whether a key is set, never the key. */
  public record ModelView(
      long id,
      String name,
      @JsonProperty("friendly_name") String friendlyName,
      @JsonProperty("model_type") String modelType,
      @JsonProperty("api_url") String apiUrl,
      @JsonProperty("price_tier") String priceTier,
      @JsonProperty("has_api_key") boolean hasApiKey) {}

  @GET
  public List<ModelView> models() {
    return list.list(new ListImageModelsQuery()).stream()
        .map(l -> new ModelView(
            l.model().id(),
            l.model().name(),
            l.model().friendlyName(),
            l.model().kind().wireName(),
            l.model().apiUrl().map(URI::toString).orElse(null),
            l.model().tier().wireName(),
            l.hasApiKey()))
        .toList();
  }

  public record ModelBody(
      String name,
      @JsonProperty("friendly_name") String friendlyName,
      @JsonProperty("model_type") String modelType,
      @JsonProperty("api_key") String apiKey,
      @JsonProperty("api_url") String apiUrl,
      @JsonProperty("price_tier") String priceTier) {}

  public record Saved(long id) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(ModelBody body) {
    return save(0, body, 201);
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("id") long id, ModelBody body) {
    return save(id, body, 200);
  }

  @DELETE
  @Path("/{id}")
  public StatusResponse delete(@PathParam("id") long id) {
    configure.configure(new ConfigureImageModelsCommand.Delete(id));
    return StatusResponse.ok();
  }

  private Response save(long id, ModelBody body, int status) {
    if (body == null || body.name() == null || body.name().isBlank()) {
      throw RequestValidationException.missing("body", "name");
    }
    ImageModel.Kind kind = ImageModel.Kind.fromWire(
            body.modelType() == null ? "openai" : body.modelType())
        .orElseThrow(() -> RequestValidationException.of(
            "body",
            "model_type",
            "Input should be 'openai', 'google' or 'replicate'",
            body.modelType()));
    long saved = configure.configure(new ConfigureImageModelsCommand.Save(
        id,
        body.name(),
        body.friendlyName(),
        kind,
        Optional.ofNullable(body.apiKey()),
        AdminInput.apiUrl(body.apiUrl()),
        ChatModel.PriceTier.of(body.priceTier())));
    return Response.status(status).entity(new Saved(saved)).build();
  }
}
