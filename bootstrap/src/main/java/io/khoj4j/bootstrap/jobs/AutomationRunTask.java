package io.khoj4j.bootstrap.jobs;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.khoj4j.application.port.in.automation.RunAutomationCommand;
import io.khoj4j.application.port.in.automation.RunAutomationUseCase;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The scheduled task behind automations: one instance per automation (its id), carrying its owner. A run asks
 * {@link RunAutomationUseCase} and moves the row to the next occurrence it returns, or removes the row when the
 * automation is gone. A run that throws is tried again an hour later; one whose replica died is revived by another.
 */
@ApplicationScoped
public class AutomationRunTask {

  public static final String NAME = "automation-run";
  static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);

  private final CustomTask<String> task;

  public AutomationRunTask(RunAutomationUseCase runs) {
    this.task = task(runs::run);
  }

  public CustomTask<String> task() {
    return task;
  }

  /** The task running {@code run}; the application passes {@link RunAutomationUseCase}, tests their own. */
  public static CustomTask<String> task(Function<RunAutomationCommand, Optional<Instant>> run) {
    return Tasks.custom(NAME, String.class)
        .onFailureReschedule(FixedDelay.of(RETRY_AFTER_FAILURE))
        .onDeadExecutionRevive()
        .execute((instance, context) -> {
          Optional<Instant> next = RequestScope.call(() -> run.apply(new RunAutomationCommand(
              new UserId(UUID.fromString(instance.getData())),
              UUID.fromString(instance.getId()),
              context.getExecution().executionTime)));
          return (complete, operations) ->
              next.ifPresentOrElse(at -> operations.reschedule(complete, at), operations::remove);
        });
  }

  static TaskInstance<String> instance(UserId owner, UUID automationId) {
    return new TaskInstance<>(NAME, automationId.toString(), owner.value().toString());
  }
}
