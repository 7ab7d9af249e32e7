package io.khoj4j.adapter.web.in.page;

import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.voice.QueryVoiceSettingsUseCase;
import io.khoj4j.application.port.in.voice.VoiceSettingsQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The web client's page routes, at Khoj's paths: {@code /}, {@code /chat}, {@code /search}, {@code /settings},
 * {@code /agents}, {@code /automations} (signed-in) and {@code /share/chat/{slug}} (public). Each answers the same
 * small HTML shell ({@link WebPage}); the client's scripts do the rest through the JSON API.
 *
 * <p>A signed-out browser is sent to {@code /login?next=<this page>}; a signed-out API client (one that does not
 * ask for HTML) gets Khoj's {@code 403 {"detail":"Forbidden"}} instead of a redirect. In single-user mode every
 * caller is signed in, so no page asks anyone to sign in. With an operator's static web export
 * ({@link StaticExport}), its page for the route is served instead, when it has one.
 */
@Path("/")
@PermitAll
public class WebClientResource {

  private final CurrentUser currentUser;
  private final boolean singleUserMode;
  private final StaticExport export;
  private final QueryVoiceSettingsUseCase voices;

  public WebClientResource(
      CurrentUser currentUser,
      @ConfigProperty(name = "khoj.anonymous-mode", defaultValue = "false") boolean singleUserMode,
      StaticExport export,
      QueryVoiceSettingsUseCase voices) {
    this.currentUser = currentUser;
    this.singleUserMode = singleUserMode;
    this.export = export;
    this.voices = voices;
  }

  @GET
  public Response home(@Context HttpHeaders headers, @Context UriInfo uri) {
    return signedIn("", "chat", "Chat", headers, uri);
  }

  @GET
  @Path("chat")
  public Response chat(@Context HttpHeaders headers, @Context UriInfo uri) {
    return signedIn("chat", "chat", "Chat", headers, uri);
  }

  @GET
  @Path("search")
  public Response search(@Context HttpHeaders headers, @Context UriInfo uri) {
    return signedIn("search", "search", "Search", headers, uri);
  }

  @GET
  @Path("settings")
  public Response settings(@Context HttpHeaders headers, @Context UriInfo uri) {
    return signedIn("settings", "settings", "Settings", headers, uri);
  }

  @GET
  @Path("agents")
  public Response agents(@Context HttpHeaders headers, @Context UriInfo uri) {
    return signedIn("agents", "agents", "Agents", headers, uri);
  }

  @GET
  @Path("automations")
  public Response automations(@Context HttpHeaders headers, @Context UriInfo uri) {
    return signedIn("automations", "automations", "Automations", headers, uri);
  }

  /** A shared conversation, readable by anyone with the link (Khoj's share URLs end in a slash). */
  @GET
  @Path("share/chat/{slug}")
  public Response sharedChat(@PathParam("slug") String slug) {
    Optional<Response> exported = export.page("share/chat");
    if (exported.isPresent()) {
      return exported.get();
    }
    return WebPage.of(
        "share",
        "Shared conversation",
        Map.of(
            "slug",
            slug,
            "signed-in",
            String.valueOf(currentUser.find().isPresent()),
            "single-user",
            String.valueOf(singleUserMode)));
  }

  /** {@code route} names the page in a static export, {@code page} the built-in client's page. */
  private Response signedIn(
      String route, String page, String title, HttpHeaders headers, UriInfo uri) {
    if (currentUser.find().isEmpty()) {
      if (!WebPage.wanted(headers.getRequestHeader(HttpHeaders.ACCEPT))) {
        return ErrorMappers.json(403, "Forbidden");
      }
      String here = uri.getRequestUri().getRawPath()
          + (uri.getRequestUri().getRawQuery() == null
              ? ""
              : "?" + uri.getRequestUri().getRawQuery());
      return Response.status(303)
          .header(
              HttpHeaders.LOCATION,
              "/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8))
          .build();
    }
    return export.page(route).orElseGet(() -> WebPage.of(page, title, data(page)));
  }

  /**
   * What a signed-in page's scripts learn from its shell: the chat page also whether answers can be read aloud, which
   * would otherwise cost it a read of the detailed settings on every load.
   */
  private Map<String, String> data(String page) {
    Map<String, String> data = new java.util.LinkedHashMap<>();
    data.put("signed-in", "true");
    data.put("single-user", String.valueOf(singleUserMode));
    if (page.equals("chat")) {
      boolean speech = voices.settings(new VoiceSettingsQuery(currentUser.id())).speech();
      data.put("speech", String.valueOf(speech));
    }
    return data;
  }
}
