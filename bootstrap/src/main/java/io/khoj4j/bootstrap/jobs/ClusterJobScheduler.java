package io.khoj4j.bootstrap.jobs;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs every {@link ClusterJob} bean once across the replicas that share this database, on db-scheduler (ADR 0018):
 * each job is one row of {@code scheduled_tasks}; a replica claims a due row with {@code FOR UPDATE SKIP LOCKED} and an
 * optimistic version, runs the job, and writes the next due time. Another replica takes over a claimed row whose
 * heartbeat is older than {@code heartbeat-interval × missed-heartbeats}.
 */
@ApplicationScoped
public class ClusterJobScheduler {

  private static final Logger LOG = Logger.getLogger(ClusterJobScheduler.class);
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

  private final DataSource dataSource;
  private final Instance<ClusterJob> jobs;
  private final ClusterJobSettings settings;
  private final AutomationRunTask automationRuns;
  private Scheduler scheduler;

  public ClusterJobScheduler(
      DataSource dataSource,
      Instance<ClusterJob> jobs,
      ClusterJobSettings settings,
      AutomationRunTask automationRuns) {
    this.dataSource = dataSource;
    this.jobs = jobs;
    this.settings = settings;
    this.automationRuns = automationRuns;
  }

  /** After the other start-up observers (a job may rely on what they prepare, such as the vector index). */
  void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
    if (!settings.enabled()) {
      LOG.info("Background jobs are off on this replica (khoj.jobs.enabled=false)");
      return;
    }
    List<ClusterJob> all = jobs.stream().toList();
    scheduler = create(
        dataSource,
        all,
        List.of(automationRuns.task()),
        settings,
        settings.replicaName().orElseGet(ClusterJobScheduler::defaultName));
    scheduler.start();
    LOG.infof("Background jobs started: %s", all.stream().map(ClusterJob::name).toList());
  }

  void onStop(@Observes ShutdownEvent event) {
    if (scheduler != null) {
      scheduler.stop();
    }
  }

  /**
   * Stops this replica from claiming due rows until {@link #resume()}: a test that stands replicas up beside the
   * application's own scheduler and schedules a task the application knows too (automation runs) would otherwise race
   * it for the row.
   */
  void pause() {
    if (scheduler != null) {
      scheduler.pause();
    }
  }

  void resume() {
    if (scheduler != null) {
      scheduler.resume();
    }
  }

  /**
   * A scheduler for {@code jobs}, and for the runs of {@code tasks} that are scheduled one by one (automations), on
   * {@code dataSource}, not yet started. The application makes one; tests make several on one database to stand for
   * replicas.
   */
  public static Scheduler create(
      DataSource dataSource,
      List<ClusterJob> jobs,
      List<Task<?>> tasks,
      ClusterJobSettings settings,
      String name) {
    return create(dataSource, jobs, tasks, settings, name, new SystemClock());
  }

  /** As above, on {@code clock}: tests move time by hand to reach dates the wall clock does not. */
  public static Scheduler create(
      DataSource dataSource,
      List<ClusterJob> jobs,
      List<Task<?>> tasks,
      ClusterJobSettings settings,
      String name,
      Clock clock) {
    List<RecurringTask<Void>> recurring =
        jobs.stream().map(ClusterJobScheduler::task).toList();
    return Scheduler.create(dataSource, tasks)
        .clock(clock)
        .startTasks(recurring)
        .schedulerName(new SchedulerName.Fixed(name))
        .threads(settings.threads())
        .pollingInterval(settings.pollingInterval())
        .heartbeatInterval(settings.heartbeatInterval())
        .missedHeartbeatsLimit(settings.missedHeartbeats())
        .shutdownMaxWait(SHUTDOWN_WAIT)
        .build();
  }

  private static RecurringTask<Void> task(ClusterJob job) {
    return Tasks.recurring(job.name(), FixedDelay.of(job.every()))
        .execute((instance, context) -> RequestScope.run(job::run));
  }

  private static String defaultName() {
    return ManagementFactory.getRuntimeMXBean().getName(); // pid@host
  }
}
