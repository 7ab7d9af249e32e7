package io.khoj4j.adapter.web.in.automation;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.AutomationSpec;
import io.khoj4j.application.port.in.automation.CreateAutomationCommand;
import io.khoj4j.application.port.in.automation.DeleteAutomationCommand;
import io.khoj4j.application.port.in.automation.ListAutomationsQuery;
import io.khoj4j.application.port.in.automation.TriggerAutomationCommand;
import io.khoj4j.application.port.in.automation.UpdateAutomationCommand;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.automation.Crontime;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Slice test of {@link AutomationResource}: Khoj's metadata object, its 400s, and the caller as owner. */
class AutomationResourceTest {

  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
  private static final Automation DIGEST = new Automation(
      ID,
      ALICE,
      "Tea digest",
      "/automated_task Tea news",
      "Tea news every Monday",
      new Crontime("30 8 * * 1"),
      ZoneId.of("Europe/Berlin"),
      UUID.fromString("00000000-0000-0000-0000-0000000000c1"),
      Instant.parse("2026-01-01T00:00:00Z"));
  private static final AutomationDetails DETAILS = new AutomationDetails(
      DIGEST, "Every Monday at 8:30 AM", Optional.of(Instant.parse("2026-01-05T07:30:00Z")));
  private static final String DIGEST_JSON = "{\"id\":\"" + ID + "\",\"subject\":\"Tea digest\","
      + "\"query_to_run\":\"/automated_task Tea news\",\"scheduling_request\":\"Tea news every Monday\","
      + "\"schedule\":\"Every Monday at 8:30 AM CET\",\"crontime\":\"30 8 * * 1\","
      + "\"next\":\"2026-01-05 08:30 AM CET\"}";

  private final List<Object> received = new ArrayList<>();
  private Optional<AutomationDetails> deleted = Optional.of(DETAILS);

  private final AutomationResource resource = new AutomationResource(
      alice(),
      c -> {
        received.add(c);
        return DETAILS;
      },
      q -> {
        received.add(q);
        return List.of(
            DETAILS, new AutomationDetails(DIGEST, "Every Monday at 8:30 AM", Optional.empty()));
      },
      c -> {
        received.add(c);
        return DETAILS;
      },
      c -> {
        received.add(c);
        return deleted;
      },
      c -> received.add(c));

  @Test
  void listIsKhojsMetadataWithTheZoneAbbreviationAndNoNextWhenItNeverFiresAgain() {
    String body = json(resource.list());

    assertThat(body)
        .isEqualTo(
            "[" + DIGEST_JSON + ",{\"id\":\"" + ID + "\",\"subject\":\"Tea digest\","
                + "\"query_to_run\":\"/automated_task Tea news\",\"scheduling_request\":\"Tea news every Monday\","
                + "\"schedule\":\"Every Monday at 8:30 AM CET\",\"crontime\":\"30 8 * * 1\",\"next\":null}]");
    assertThat(received).containsExactly(new ListAutomationsQuery(ALICE));
  }

  @Test
  void createHandsTheQueryParametersToTheCoreForTheCaller() {
    Response response = resource.create(
        " Tea news ", "30 8 * * 1", "Tea digest", "Berlin", "BE", "DE", "Europe/Berlin");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(json(response.getEntity())).isEqualTo(DIGEST_JSON);
    assertThat(received)
        .containsExactly(new CreateAutomationCommand(
            ALICE,
            new AutomationSpec(
                "Tea news",
                "30 8 * * 1",
                Optional.of("Tea digest"),
                Optional.of("Europe/Berlin"),
                Optional.of("Berlin"),
                Optional.of("BE"),
                Optional.of("DE"))));
  }

  @Test
  void createWithoutAQueryOrCrontimeIsKhojs400AndNothingIsCreated() {
    Response noQuery = resource.create(null, "30 8 * * 1", null, null, null, null, null);
    Response noCron = resource.create("Tea news", " ", null, null, null, null, null);

    assertThat(noQuery.getStatus()).isEqualTo(400);
    assertThat(noCron.getStatus()).isEqualTo(400);
    assertThat(json(noQuery.getEntity()))
        .isEqualTo("{\"detail\":\"A query and crontime is required\"}");
    assertThat(received).isEmpty();
  }

  @Test
  void updateNamesTheAutomationAndTheCaller() {
    Response response = resource.update(
        ID.toString(), "Tea news", "Tea digest", "30 8 * * 1", null, null, null, null);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(received)
        .containsExactly(new UpdateAutomationCommand(
            ALICE,
            ID,
            new AutomationSpec(
                "Tea news",
                "30 8 * * 1",
                Optional.of("Tea digest"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())));
  }

  @Test
  void updateWithoutAnIdIsAValidationErrorAndAMalformedIdIsForbidden() {
    rejects(
        () -> resource.update(null, "q", null, "* * * * *", null, null, null, null),
        "query",
        "automation_id");
    assertThatThrownBy(
            () -> resource.update("not-a-uuid", "q", null, "* * * * *", null, null, null, null))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("Invalid automation");
    assertThat(resource
            .update(ID.toString(), "", null, "* * * * *", null, null, null, null)
            .getStatus())
        .isEqualTo(400);
    assertThat(received).isEmpty();
  }

  @Test
  void deleteAnswersTheDeletedMetadataOr204WhenTheCallerHasNoSuchAutomation() {
    Response ok = resource.delete(ID.toString());
    assertThat(ok.getStatus()).isEqualTo(200);
    assertThat(json(ok.getEntity())).isEqualTo(DIGEST_JSON);
    assertThat(received).containsExactly(new DeleteAutomationCommand(ALICE, ID));

    deleted = Optional.empty();
    assertThat(resource.delete(ID.toString()).getStatus()).isEqualTo(204);
    received.clear();
    assertThat(resource.delete("garbage").getStatus()).isEqualTo(204);
    assertThat(resource.delete(null).getStatus()).isEqualTo(204);
    assertThat(received).isEmpty();
  }

  @Test
  void triggerRunsTheCallersAutomationAndRefusesAMalformedId() {
    assertThat(resource.trigger(ID.toString())).isEqualTo("Automation triggered");
    assertThat(received).containsExactly(new TriggerAutomationCommand(ALICE, ID));

    received.clear();
    assertThatThrownBy(() -> resource.trigger("nope")).isInstanceOf(ForbiddenException.class);
    assertThat(received).isEmpty();
  }
}
