package io.khoj4j.adapter.web.in.connector;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.read;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.adapter.web.WebSlice;
import io.khoj4j.adapter.web.in.connector.ConnectorWebModels.GithubRequest;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.connector.ConfigureGithubCommand;
import io.khoj4j.application.port.in.connector.ConnectorsView;
import io.khoj4j.application.port.in.connector.ReadConnectorsQuery;
import io.khoj4j.application.port.in.user.AccountQuery;
import io.khoj4j.domain.connector.GithubRepo;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slice test of {@link GithubConnectorResource}: Khoj's settings shape, the saved token and repositories. */
class GithubConnectorResourceTest {

  private final ConnectorFakes fakes = new ConnectorFakes();
  private final GithubConnectorResource resource = new GithubConnectorResource(
      WebSlice.alice(),
      c -> fakes.received.add(c),
      q -> {
        fakes.received.add(q);
        return fakes.view;
      },
      fakes.userKeys(),
      fakes.syncOnSave());

  @Test
  void getShowsTheCallersTokenAndReposBesideTheUserKeys() {
    fakes.view = new ConnectorsView(
        Optional.of(new ConnectorsView.Github(
            Optional.of("ghp_x"), List.of(new GithubRepo("khoj-ai", "khoj", "master")))),
        Optional.empty(),
        SyncState.never(),
        SyncState.never());

    assertThat(json(resource.get()))
        .isEqualTo(
            "{" + ConnectorFakes.USER_KEYS + ",\"current_config\":{"
                + "\"pat_token\":\"ghp_x\",\"repos\":[{\"name\":\"khoj\",\"owner\":\"khoj-ai\",\"branch\":\"master\"}]}}");
    assertThat(fakes.received).contains(new ReadConnectorsQuery(ALICE), new AccountQuery(ALICE));
  }

  @Test
  void getWithoutAConfigurationShowsAnEmptyObject() {
    assertThat(json(resource.get()))
        .isEqualTo("{" + ConnectorFakes.USER_KEYS + ",\"current_config\":{}}");
  }

  @Test
  void saveReplacesTheCallersSettingsAcceptingKhojsDashedAliasAndStartsASync() {
    GithubRequest body = read(
        "{\"pat-token\":\"ghp_y\",\"repos\":[{\"owner\":\"khoj-ai\",\"name\":\"khoj\"}]}",
        GithubRequest.class);

    assertThat(json(resource.save(body))).isEqualTo("{\"status\":\"ok\"}");
    assertThat(fakes.received)
        .containsExactly(new ConfigureGithubCommand(
            ALICE, Optional.of("ghp_y"), List.of(new GithubRepo("khoj-ai", "khoj", "master"))));
    assertThat(fakes.syncsStarted)
        .containsExactly(ConnectorFakes.aliceStarted(ContentSource.GITHUB));
  }

  @Test
  void savingNoRepositoriesClearsThemWithoutASync() {
    resource.save(read("{\"pat_token\":\"\",\"repos\":[]}", GithubRequest.class));

    assertThat(fakes.received)
        .containsExactly(new ConfigureGithubCommand(ALICE, Optional.empty(), List.of()));
    assertThat(fakes.syncsStarted).isEmpty();
  }

  @Test
  void aMissingBodyOrRepositoryListIsAValidationErrorAndNothingIsSaved() {
    rejects(() -> resource.save(null), "body", "repos");
    rejects(
        () -> resource.save(read("{\"pat_token\":\"ghp_y\"}", GithubRequest.class)),
        "body",
        "repos");
    assertThat(fakes.received).isEmpty();
    assertThat(fakes.syncsStarted).isEmpty();
  }

  @Test
  void aBadRepositoryOrTokenIsRefusedBeforeTheCoreIsCalled() {
    assertThatThrownBy(() -> resource.save(
            read("{\"repos\":[{\"owner\":\"../etc\",\"name\":\"x\"}]}", GithubRequest.class)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("repos[0]");
    assertThatThrownBy(() -> resource.save(read("{\"repos\":[null]}", GithubRequest.class)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() ->
            resource.save(read("{\"pat_token\":\"has space\",\"repos\":[]}", GithubRequest.class)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(fakes.received).isEmpty();
    assertThat(fakes.syncsStarted).isEmpty();
  }
}
