package io.khoj4j.adapter.web.in.connector;

import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.QueryParams;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.connector.SyncConnectorsCommand;
import io.khoj4j.application.port.in.connector.SyncConnectorsUseCase;
import io.khoj4j.application.port.in.connector.SyncReport;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/update}: re-syncs the caller's GitHub and Notion content now (Khoj's server-side re-index). A
 * connector that failed makes it a 500 with the reason, as in Khoj; the reason also stays in {@code /api/settings}.
 */
@Path("/api/update")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

  private final CurrentUser currentUser;
  private final SyncConnectorsUseCase sync;

  public SyncResource(CurrentUser currentUser, SyncConnectorsUseCase sync) {
    this.currentUser = currentUser;
    this.sync = sync;
  }

  @GET
  public Response update(@QueryParam("t") String t, @QueryParam("force") String force) {
    SyncReport report = sync.sync(new SyncConnectorsCommand(
        currentUser.id(), sourcesFor(t), QueryParams.bool("force", force, false)));
    if (report.failed()) {
      return ErrorMappers.json(
          500, "Failed to update server indexed content via API: " + reasons(report));
    }
    return Response.ok(StatusResponse.ok("khoj reloaded")).build();
  }

  /** Khoj's {@code t}: absent or {@code all} syncs both connectors, {@code github}/{@code notion} one, others none. */
  public static Set<ContentSource> sourcesFor(String t) {
    if (t == null || t.isBlank() || t.strip().equalsIgnoreCase("all")) {
      return EnumSet.of(ContentSource.GITHUB, ContentSource.NOTION);
    }
    ContentType type = ContentType.fromWire(t)
        .orElseThrow(() -> RequestValidationException.of(
            "query",
            "t",
            "Input should be 'all', 'org', 'markdown', 'image', 'pdf', 'github', 'notion', 'plaintext' or 'docx'",
            t));
    return switch (type) {
      case GITHUB -> EnumSet.of(ContentSource.GITHUB);
      case NOTION -> EnumSet.of(ContentSource.NOTION);
      default -> EnumSet.noneOf(ContentSource.class);
    };
  }

  public static String reasons(SyncReport report) {
    return report.outcomes().entrySet().stream()
        .filter(e -> e.getValue() instanceof SyncReport.Outcome.Failed)
        .map(
            e -> e.getKey().wireName() + ": " + ((SyncReport.Outcome.Failed) e.getValue()).reason())
        .sorted()
        .collect(Collectors.joining("; "));
  }
}
