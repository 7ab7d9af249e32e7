package io.khoj4j.adapter.web.in.connector;

import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.connector.CompleteNotionOAuthCommand;
import io.khoj4j.application.port.in.connector.CompleteNotionOAuthUseCase;
import io.khoj4j.domain.content.ContentSource;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Where Notion sends the browser back after the user allowed access. The state must be one this server gave the
 * signed-in user and not used before; Khoj answers a missing or wrong one with 400, as here.
 */
@Path("/api/notion/auth/callback")
@Authenticated
public class NotionOAuthResource {

  private final CurrentUser currentUser;
  private final CompleteNotionOAuthUseCase complete;
  private final SyncOnSave syncOnSave;

  public NotionOAuthResource(
      CurrentUser currentUser, CompleteNotionOAuthUseCase complete, SyncOnSave syncOnSave) {
    this.currentUser = currentUser;
    this.complete = complete;
    this.syncOnSave = syncOnSave;
  }

  @GET
  public Response callback(@QueryParam("code") String code, @QueryParam("state") String state) {
    try {
      complete.complete(new CompleteNotionOAuthCommand(currentUser.id(), code, state));
    } catch (InvalidInputException e) {
      return ErrorMappers.json(400, e.getMessage());
    }
    syncOnSave.start(currentUser.id(), ContentSource.NOTION);
    return Response.temporaryRedirect(URI.create("/settings")).build();
  }
}
