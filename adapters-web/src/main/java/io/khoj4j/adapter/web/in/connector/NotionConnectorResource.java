package io.khoj4j.adapter.web.in.connector;

import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.adapter.web.in.connector.ConnectorWebModels.ConnectorResponse;
import io.khoj4j.adapter.web.in.connector.ConnectorWebModels.NotionConfigModel;
import io.khoj4j.adapter.web.in.connector.ConnectorWebModels.NotionRequest;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.connector.ConfigureNotionCommand;
import io.khoj4j.application.port.in.connector.ConfigureNotionUseCase;
import io.khoj4j.application.port.in.connector.ReadConnectorsQuery;
import io.khoj4j.application.port.in.connector.ReadConnectorsUseCase;
import io.khoj4j.domain.content.ContentSource;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** Khoj's Notion settings: an internal-integration token; saving one starts a sync ({@link SyncOnSave}). */
@Path("/api/content/notion")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotionConnectorResource {

  private final CurrentUser currentUser;
  private final ConfigureNotionUseCase configure;
  private final ReadConnectorsUseCase read;
  private final UserKeys userKeys;
  private final SyncOnSave syncOnSave;

  public NotionConnectorResource(
      CurrentUser currentUser,
      ConfigureNotionUseCase configure,
      ReadConnectorsUseCase read,
      UserKeys userKeys,
      SyncOnSave syncOnSave) {
    this.currentUser = currentUser;
    this.configure = configure;
    this.read = read;
    this.userKeys = userKeys;
    this.syncOnSave = syncOnSave;
  }

  @GET
  public ConnectorResponse get() {
    String token =
        read.read(new ReadConnectorsQuery(currentUser.id())).notionToken().orElse("");
    return userKeys.response(new NotionConfigModel(token));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse save(NotionRequest request) {
    if (request == null || request.token() == null) {
      throw RequestValidationException.missing("body", "token");
    }
    ConfigureNotionCommand command =
        new ConfigureNotionCommand(currentUser.id(), Optional.of(request.token()));
    configure.configure(command);
    if (command.token().isPresent()) {
      syncOnSave.start(currentUser.id(), ContentSource.NOTION);
    }
    return StatusResponse.ok();
  }
}
