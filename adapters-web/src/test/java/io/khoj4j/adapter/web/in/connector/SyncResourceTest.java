package io.khoj4j.adapter.web.in.connector;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.in.connector.SyncConnectorsCommand;
import io.khoj4j.application.port.in.connector.SyncReport;
import io.khoj4j.domain.content.ContentSource;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slice test of {@link SyncResource} ({@code GET /api/update}): which connectors of the caller's are synced. */
class SyncResourceTest {

  private final List<SyncConnectorsCommand> received = new ArrayList<>();
  private SyncReport report =
      new SyncReport(Map.of(ContentSource.GITHUB, new SyncReport.Outcome.Synced(1, 0, 2, 0)));

  private final SyncResource resource = new SyncResource(alice(), c -> {
    received.add(c);
    return report;
  });

  @Test
  void updateSyncsTheCallersConnectorsAndAnswersKhojsReloaded() {
    Response response = resource.update(null, "true");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(json(response.getEntity()))
        .contains("\"status\":\"ok\"", "\"message\":\"khoj reloaded\"");
    // force=true reads everything again, as Khoj's does
    assertThat(received)
        .containsExactly(new SyncConnectorsCommand(
            ALICE, EnumSet.of(ContentSource.GITHUB, ContentSource.NOTION), true));
  }

  @Test
  void tNarrowsTheSyncToOneConnectorOrNoneForFileTypes() {
    resource.update("notion", null);
    resource.update("markdown", null);
    resource.update("all", null);

    assertThat(received)
        .containsExactly(
            new SyncConnectorsCommand(ALICE, EnumSet.of(ContentSource.NOTION)),
            new SyncConnectorsCommand(ALICE, EnumSet.noneOf(ContentSource.class)),
            new SyncConnectorsCommand(
                ALICE, EnumSet.of(ContentSource.GITHUB, ContentSource.NOTION)));
  }

  @Test
  void aFailedConnectorIsA500NamingEachReasonInOrder() {
    Map<ContentSource, SyncReport.Outcome> outcomes = new LinkedHashMap<>();
    outcomes.put(ContentSource.NOTION, new SyncReport.Outcome.Failed("token revoked"));
    outcomes.put(ContentSource.GITHUB, new SyncReport.Outcome.Failed("rate limited"));
    report = new SyncReport(outcomes);

    Response response = resource.update(null, null);

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(json(response.getEntity()))
        .isEqualTo("{\"detail\":\"Failed to update server indexed content via API: "
            + "github: rate limited; notion: token revoked\"}");
  }

  @Test
  void anUnknownTypeOrANonBooleanForceIsAValidationErrorAndNothingIsSynced() {
    rejects(() -> resource.update("dropbox", null), "query", "t");
    rejects(() -> resource.update(null, "always"), "query", "force");
    assertThat(received).isEmpty();
  }
}
