package io.khoj4j.adapter.web.in.automation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.automation.AutomationDetails;
import io.khoj4j.application.port.in.automation.AutomationSpec;
import io.khoj4j.application.port.in.automation.CreateAutomationCommand;
import io.khoj4j.application.port.in.automation.CreateAutomationUseCase;
import io.khoj4j.application.port.in.automation.DeleteAutomationCommand;
import io.khoj4j.application.port.in.automation.DeleteAutomationUseCase;
import io.khoj4j.application.port.in.automation.ListAutomationsQuery;
import io.khoj4j.application.port.in.automation.ListAutomationsUseCase;
import io.khoj4j.application.port.in.automation.TriggerAutomationCommand;
import io.khoj4j.application.port.in.automation.TriggerAutomationUseCase;
import io.khoj4j.application.port.in.automation.UpdateAutomationCommand;
import io.khoj4j.application.port.in.automation.UpdateAutomationUseCase;
import io.khoj4j.domain.automation.Automation;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Khoj's automation routes: every parameter is a query parameter, and each answer is the automation's metadata
 * object. The zone an automation runs in shows only as the abbreviation in {@code schedule} and {@code next}, as in
 * Khoj.
 */
@Path("/api/automation")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AutomationResource {

  private static final DateTimeFormatter NEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd hh:mm a zzz", Locale.US);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

  private final CurrentUser currentUser;
  private final CreateAutomationUseCase create;
  private final ListAutomationsUseCase list;
  private final UpdateAutomationUseCase update;
  private final DeleteAutomationUseCase delete;
  private final TriggerAutomationUseCase trigger;

  public AutomationResource(
      CurrentUser currentUser,
      CreateAutomationUseCase create,
      ListAutomationsUseCase list,
      UpdateAutomationUseCase update,
      DeleteAutomationUseCase delete,
      TriggerAutomationUseCase trigger) {
    this.currentUser = currentUser;
    this.create = create;
    this.list = list;
    this.update = update;
    this.delete = delete;
    this.trigger = trigger;
  }

  /** Khoj's automation metadata. */
  public record AutomationResponse(
      String id,
      String subject,
      @JsonProperty("query_to_run") String queryToRun,
      @JsonProperty("scheduling_request") String schedulingRequest,
      String schedule,
      String crontime,
      String next) {

    static AutomationResponse of(AutomationDetails details) {
      Automation a = details.automation();
      Optional<ZonedDateTime> next = details.next().map(at -> at.atZone(a.zone()));
      String zone = next.orElseGet(() -> a.createdAt().atZone(a.zone())).format(ZONE);
      return new AutomationResponse(
          a.id().toString(),
          a.subject(),
          a.queryToRun(),
          a.schedulingRequest(),
          details.schedule() + " " + zone,
          a.crontime().expression(),
          next.map(NEXT::format).orElse(null));
    }
  }

  @GET
  public List<AutomationResponse> list() {
    return list.list(new ListAutomationsQuery(currentUser.id())).stream()
        .map(AutomationResponse::of)
        .toList();
  }

  @POST
  public Response create(
      @QueryParam("q") String q,
      @QueryParam("crontime") String crontime,
      @QueryParam("subject") String subject,
      @QueryParam("city") String city,
      @QueryParam("region") String region,
      @QueryParam("country") String country,
      @QueryParam("timezone") String timezone) {
    return khojStatus(() -> {
      AutomationSpec request = request(q, crontime, subject, city, region, country, timezone);
      return AutomationResponse.of(
          create.create(new CreateAutomationCommand(currentUser.id(), request)));
    });
  }

  @PUT
  public Response update(
      @QueryParam("automation_id") String automationId,
      @QueryParam("q") String q,
      @QueryParam("subject") String subject,
      @QueryParam("crontime") String crontime,
      @QueryParam("city") String city,
      @QueryParam("region") String region,
      @QueryParam("country") String country,
      @QueryParam("timezone") String timezone) {
    UUID id = automationId(automationId);
    return khojStatus(() -> {
      AutomationSpec request = request(q, crontime, subject, city, region, country, timezone);
      return AutomationResponse.of(
          update.update(new UpdateAutomationCommand(currentUser.id(), id, request)));
    });
  }

  /** The deleted automation's metadata; 204 when there is no such automation of the caller's, as in Khoj. */
  @DELETE
  public Response delete(@QueryParam("automation_id") String automationId) {
    Optional<UUID> id = parse(automationId);
    return id.flatMap(value -> delete.delete(new DeleteAutomationCommand(currentUser.id(), value)))
        .map(details -> Response.ok(AutomationResponse.of(details)).build())
        .orElseGet(() -> Response.noContent().build());
  }

  @POST
  @Path("/trigger")
  @Produces(MediaType.TEXT_PLAIN)
  public String trigger(@QueryParam("automation_id") String automationId) {
    UUID id = parse(automationId).orElseThrow(() -> new ForbiddenException("Invalid automation"));
    trigger.trigger(new TriggerAutomationCommand(currentUser.id(), id));
    return "Automation triggered";
  }

  /** Khoj's clients expect 400, not this server's usual 422, for a missing query, a bad cron or zone. */
  private static Response khojStatus(Supplier<AutomationResponse> work) {
    try {
      return Response.ok(work.get()).build();
    } catch (InvalidInputException e) {
      return ErrorMappers.json(400, e.getMessage());
    }
  }

  private static AutomationSpec request(
      String q,
      String crontime,
      String subject,
      String city,
      String region,
      String country,
      String timezone) {
    return new AutomationSpec(
        q,
        crontime,
        Optional.ofNullable(subject),
        Optional.ofNullable(timezone),
        Optional.ofNullable(city),
        Optional.ofNullable(region),
        Optional.ofNullable(country));
  }

  private static UUID automationId(String value) {
    if (value == null || value.isBlank()) {
      throw RequestValidationException.of("query", "automation_id", "Field required", value);
    }
    return parse(value).orElseThrow(() -> new ForbiddenException("Invalid automation"));
  }

  private static Optional<UUID> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
