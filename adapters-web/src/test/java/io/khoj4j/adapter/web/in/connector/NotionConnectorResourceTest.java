package io.khoj4j.adapter.web.in.connector;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.read;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.adapter.web.WebSlice;
import io.khoj4j.adapter.web.in.connector.ConnectorWebModels.NotionRequest;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.connector.ConfigureNotionCommand;
import io.khoj4j.application.port.in.connector.ConnectorsView;
import io.khoj4j.application.port.in.connector.ReadConnectorsQuery;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slice test of {@link NotionConnectorResource}: Khoj's settings shape and the saved token. */
class NotionConnectorResourceTest {

  private final ConnectorFakes fakes = new ConnectorFakes();
  private final NotionConnectorResource resource = new NotionConnectorResource(
      WebSlice.alice(),
      c -> fakes.received.add(c),
      q -> {
        fakes.received.add(q);
        return fakes.view;
      },
      fakes.userKeys(),
      fakes.syncOnSave());

  @Test
  void getShowsTheCallersTokenOrAnEmptyOne() {
    assertThat(json(resource.get()))
        .isEqualTo("{" + ConnectorFakes.USER_KEYS + ",\"current_config\":{\"token\":\"\"}}");

    fakes.view = new ConnectorsView(
        Optional.empty(), Optional.of("secret_n"), SyncState.never(), SyncState.never());
    assertThat(json(resource.get())).contains("\"current_config\":{\"token\":\"secret_n\"}");
    assertThat(fakes.received).contains(new ReadConnectorsQuery(ALICE));
  }

  @Test
  void saveStoresTheCallersTokenAndStartsASync() {
    assertThat(json(resource.save(read("{\"token\":\" secret_n \"}", NotionRequest.class))))
        .isEqualTo("{\"status\":\"ok\"}");

    assertThat(fakes.received)
        .containsExactly(new ConfigureNotionCommand(ALICE, Optional.of("secret_n")));
    assertThat(fakes.syncsStarted)
        .containsExactly(ConnectorFakes.aliceStarted(ContentSource.NOTION));
  }

  @Test
  void anEmptyTokenRemovesItWithoutASync() {
    resource.save(read("{\"token\":\"\"}", NotionRequest.class));

    assertThat(fakes.received).containsExactly(new ConfigureNotionCommand(ALICE, Optional.empty()));
    assertThat(fakes.syncsStarted).isEmpty();
  }

  @Test
  void aMissingOrUnprintableTokenIsRefusedAndNothingIsSaved() {
    rejects(() -> resource.save(null), "body", "token");
    rejects(() -> resource.save(read("{}", NotionRequest.class)), "body", "token");
    assertThatThrownBy(() -> resource.save(new NotionRequest("two words")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(fakes.received).isEmpty();
    assertThat(fakes.syncsStarted).isEmpty();
  }
}
