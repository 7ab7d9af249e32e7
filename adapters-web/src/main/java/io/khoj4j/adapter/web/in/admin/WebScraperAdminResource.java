package io.khoj4j.adapter.web.in.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.application.port.in.web.ConfigureWebScrapersCommand;
import io.khoj4j.application.port.in.web.ConfigureWebScrapersUseCase;
import io.khoj4j.application.port.in.web.ListWebScrapersQuery;
import io.khoj4j.application.port.in.web.ListWebScrapersUseCase;
import io.khoj4j.domain.web.WebScraper;
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
import java.util.UUID;

/**
 * Administrators manage the page readers chat uses, as Khoj's web-scraper settings (Khoj edits them in its Django
 * admin; this server has this API): {@code name}, {@code type} ({@code Firecrawl}, {@code Olostep}, {@code Exa} or
 * {@code Direct}), {@code api_key} (write-only: sealed at rest, never returned), {@code api_url} and {@code priority}
 * (lowest first).
 */
@Path("/api/admin/web-scrapers")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class WebScraperAdminResource {

  private final ListWebScrapersUseCase list;
  private final ConfigureWebScrapersUseCase configure;

  public WebScraperAdminResource(
      ListWebScrapersUseCase list, ConfigureWebScrapersUseCase configure) {
    this.list = list;
    this.configure = configure;
  }

  public record ScraperBody(
      String name,
      String type,
      @JsonProperty("api_key") String apiKey,
      @JsonProperty("api_url") String apiUrl,
      Integer priority) {}

  /** A scraper as administrators see it: whether a key is set, never the key. */
  public record ScraperView(
      String id,
      String name,
      String type,
      @JsonProperty("api_url") String apiUrl,
      int priority,
      @JsonProperty("has_api_key") boolean hasApiKey) {}

  public record Saved(String id) {}

  @GET
  public List<ScraperView> scrapers() {
    return list.list(new ListWebScrapersQuery()).stream()
        .map(l -> new ScraperView(
            l.scraper().id().toString(),
            l.scraper().name(),
            l.scraper().kind().wireName(),
            l.scraper().apiUrl().map(URI::toString).orElse(null),
            l.scraper().priority(),
            l.hasApiKey()))
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(ScraperBody body) {
    return save(Optional.empty(), body, 201);
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("id") String id, ScraperBody body) {
    return save(Optional.of(AdminInput.pathId(id)), body, 200);
  }

  @DELETE
  @Path("/{id}")
  public StatusResponse delete(@PathParam("id") String id) {
    configure.configure(new ConfigureWebScrapersCommand.Delete(AdminInput.pathId(id)));
    return StatusResponse.ok();
  }

  private Response save(Optional<UUID> id, ScraperBody body, int status) {
    if (body == null || body.name() == null || body.name().isBlank()) {
      throw RequestValidationException.missing("body", "name");
    }
    if (body.type() == null) {
      throw RequestValidationException.missing("body", "type");
    }
    WebScraper.Kind kind = WebScraper.Kind.fromWire(body.type())
        .orElseThrow(() -> RequestValidationException.of(
            "body",
            "type",
            "Input should be 'Firecrawl', 'Olostep', 'Exa' or 'Direct'",
            body.type()));
    if (body.priority() != null && body.priority() < 0) {
      throw RequestValidationException.of(
          "body", "priority", "Input should be greater than or equal to 0", body.priority());
    }
    UUID saved = configure.configure(new ConfigureWebScrapersCommand.Save(
        id,
        body.name(),
        kind,
        Optional.ofNullable(body.apiKey()),
        AdminInput.apiUrl(body.apiUrl()),
        Optional.ofNullable(body.priority())));
    return Response.status(status).entity(new Saved(saved.toString())).build();
  }
}
