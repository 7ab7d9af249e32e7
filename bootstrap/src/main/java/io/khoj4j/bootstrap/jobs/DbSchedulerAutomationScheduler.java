package io.khoj4j.bootstrap.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.khoj4j.application.port.out.automation.AutomationScheduler;
import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Each automation is one row of {@code scheduled_tasks}: task {@link AutomationRunTask#NAME}, instance the
 * automation's id, data its owner. The row's due time is the next run; the run itself writes the one after it. Writes
 * go through a {@link SchedulerClient} on the application's datasource, so they join the caller's transaction, and work
 * on a replica whose own scheduler is off.
 */
@ApplicationScoped
public class DbSchedulerAutomationScheduler implements AutomationScheduler {

  private final SchedulerClient client;

  public DbSchedulerAutomationScheduler(DataSource dataSource) {
    this.client = SchedulerClient.Builder.create(
            dataSource, AutomationRunTask.task(command -> Optional.empty()))
        .build();
  }

  /**
   * Moves the automation's row to {@code at}. While a run of it is in progress its row is the run's: the run, when it
   * ends, moves it to the next occurrence of the automation as stored then (so a change made now counts) and a
   * "run now" during a run is that run.
   */
  @Override
  public void schedule(Automation automation, Instant at) {
    TaskInstance<String> instance = AutomationRunTask.instance(automation.owner(), automation.id());
    try {
      if (!client.scheduleIfNotExists(instance, at)) {
        client.reschedule(instance, at);
      }
    } catch (TaskInstanceCurrentlyExecutingException running) {
      // the run in progress writes the row when it ends, from the automation as it is then
    }
  }

  /**
   * Removes the automation's row. During a run of it the row stays until the run ends, which removes it: the run
   * finds the automation gone (it was deleted in the same transaction as this call).
   */
  @Override
  public void cancel(UserId owner, UUID automationId) {
    TaskInstanceId id = TaskInstanceId.of(AutomationRunTask.NAME, automationId.toString());
    try {
      if (client.getScheduledExecution(id).isPresent()) {
        client.cancel(id);
      }
    } catch (TaskInstanceCurrentlyExecutingException running) {
      // the run in progress removes the row when it ends
    }
  }
}
