package io.khoj4j.adapter.web.in.connector;

import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.adapter.web.in.connector.ConnectorWebModels.ConnectorResponse;
import io.khoj4j.adapter.web.in.connector.ConnectorWebModels.GithubConfigModel;
import io.khoj4j.adapter.web.in.connector.ConnectorWebModels.GithubRequest;
import io.khoj4j.adapter.web.in.connector.ConnectorWebModels.RepoModel;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.connector.ConfigureGithubCommand;
import io.khoj4j.application.port.in.connector.ConfigureGithubCommand.RepoInput;
import io.khoj4j.application.port.in.connector.ConfigureGithubUseCase;
import io.khoj4j.application.port.in.connector.ConnectorsView;
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
import java.util.Map;
import java.util.Optional;

/**
 * Khoj's GitHub settings: a personal access token and the repositories (owner, name, branch) to index; saving
 * repositories starts a sync ({@link SyncOnSave}).
 */
@Path("/api/content/github")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GithubConnectorResource {

  private final CurrentUser currentUser;
  private final ConfigureGithubUseCase configure;
  private final ReadConnectorsUseCase read;
  private final UserKeys userKeys;
  private final SyncOnSave syncOnSave;

  public GithubConnectorResource(
      CurrentUser currentUser,
      ConfigureGithubUseCase configure,
      ReadConnectorsUseCase read,
      UserKeys userKeys,
      SyncOnSave syncOnSave) {
    this.syncOnSave = syncOnSave;
    this.currentUser = currentUser;
    this.configure = configure;
    this.read = read;
    this.userKeys = userKeys;
  }

  @GET
  public ConnectorResponse get() {
    ConnectorsView view = read.read(new ReadConnectorsQuery(currentUser.id()));
    Object config = view.github()
        .<Object>map(g -> new GithubConfigModel(
            g.token().orElse(""),
            g.repos().stream()
                .map(r -> new RepoModel(r.name(), r.owner(), r.branch()))
                .toList()))
        .orElse(Map.of());
    return userKeys.response(config);
  }

  /** Replaces the token and every repository. Khoj answers a bad body with 422, as here. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse save(GithubRequest request) {
    if (request == null) {
      throw RequestValidationException.missing("body", "repos");
    }
    if (request.repos() == null) {
      throw RequestValidationException.missing("body", "repos");
    }
    configure.configure(ConfigureGithubCommand.of(
        currentUser.id(),
        Optional.ofNullable(request.patToken()),
        request.repos().stream()
            .map(r -> r == null ? null : new RepoInput(r.owner(), r.name(), r.branch()))
            .toList()));
    if (!request.repos().isEmpty()) {
      syncOnSave.start(currentUser.id(), ContentSource.GITHUB);
    }
    return StatusResponse.ok();
  }
}
