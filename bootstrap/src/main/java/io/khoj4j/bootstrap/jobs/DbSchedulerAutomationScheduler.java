package io.khoj4j.bootstrap.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
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

  @Override
  public void schedule(Automation automation, Instant at) {
    TaskInstance<String> instance = AutomationRunTask.instance(automation.owner(), automation.id());
    if (!client.scheduleIfNotExists(instance, at)) {
      client.reschedule(instance, at);
    }
  }

  @Override
  public void cancel(UserId owner, UUID automationId) {
    TaskInstanceId id = TaskInstanceId.of(AutomationRunTask.NAME, automationId.toString());
    if (client.getScheduledExecution(id).isPresent()) {
      client.cancel(id);
    }
  }
}
