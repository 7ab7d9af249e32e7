package io.khoj4j.adapter.web.in.connector;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.web.WebSlice;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.connector.CompleteNotionOAuthCommand;
import io.khoj4j.domain.content.ContentSource;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Slice test of {@link NotionOAuthResource}: the callback completes the caller's flow, or is Khoj's 400. */
class NotionOAuthResourceTest {

  private final ConnectorFakes fakes = new ConnectorFakes();
  private final NotionOAuthResource resource = new NotionOAuthResource(
      WebSlice.alice(),
      c -> {
        fakes.received.add(c);
        if (c.state().equals("used")) {
          throw new InvalidInputException("Invalid state");
        }
      },
      fakes.syncOnSave());

  @Test
  void aValidCallbackCompletesTheCallersFlowStartsASyncAndGoesBackToSettings() {
    Response response = resource.callback("code-1", "state-1");

    assertThat(response.getStatus()).isEqualTo(307);
    assertThat(response.getLocation().toString()).isEqualTo("/settings");
    assertThat(fakes.received)
        .containsExactly(new CompleteNotionOAuthCommand(ALICE, "code-1", "state-1"));
    assertThat(fakes.syncsStarted)
        .containsExactly(ConnectorFakes.aliceStarted(ContentSource.NOTION));
  }

  @Test
  void aMissingCodeOrStateIs400BeforeTheCore() {
    Response response = resource.callback(null, "state-1");

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(json(response.getEntity())).isEqualTo("{\"detail\":\"Missing code or state\"}");
    assertThat(resource.callback("code-1", " ").getStatus()).isEqualTo(400);
    assertThat(fakes.received).isEmpty();
    assertThat(fakes.syncsStarted).isEmpty();
  }

  @Test
  void aStateTheCoreRefusesIs400AndNothingIsSynced() {
    Response response = resource.callback("code-1", "used");

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(json(response.getEntity())).isEqualTo("{\"detail\":\"Invalid state\"}");
    assertThat(fakes.syncsStarted).isEmpty();
  }
}
