package io.khoj4j.bootstrap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas stand here as several schedulers on the test database, built exactly as the application builds its own
 * ({@link ClusterJobScheduler#create}). Each test uses a job name of its own, so the application's scheduler, which
 * runs alongside, never knows these jobs; the one test that schedules an automation run, which the application's
 * scheduler knows too, pauses it first (it claimed the run now and then, and ran the real task instead).
 */
@QuarkusTest
class ClusterJobSchedulerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject
  DataSource dataSource;

  /** The application's own replica: it knows automation runs too, so it is paused while a test schedules one. */
  @Inject
  ClusterJobScheduler application;

  private final List<Scheduler> replicas = new ArrayList<>();

  @AfterEach
  void stopReplicas() {
    replicas.forEach(Scheduler::stop);
    application.resume();
  }

  @Test
  void aDueJobRunsOnceWhenTwoReplicasPollTheSameDatabase() throws Exception {
    CountingJob job = new CountingJob("once-" + UUID.randomUUID(), Duration.ofHours(1));
    Scheduler first = replica("replica-a", job);
    Scheduler second = replica("replica-b", job);
    first.start();
    second.start();

    await(() -> job.runs.get() >= 1);
    // Both replicas poll every 100 ms: give each of them many more chances to claim the same
    // occurrence.
    for (int poll = 0; poll < 20; poll++) {
      first.triggerCheckForDueExecutions();
      second.triggerCheckForDueExecutions();
      Thread.sleep(50);
    }

    assertThat(job.runs).hasValue(1);
    assertThat(nextRunOf(job.name()))
        .as("the next run is an hour away, not due again")
        .isAfter(java.time.Instant.ofEpochMilli(
            System.currentTimeMillis() + Duration.ofMinutes(50).toMillis()));
  }

  @Test
  void aJobHeldByALiveReplicaIsNotTakenOver() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountingJob job = new CountingJob("held-" + UUID.randomUUID(), Duration.ofHours(1), release);
    Scheduler holder = ClusterJobScheduler.create(
        dataSource, List.of(job), List.of(), new FastSettings(20), "holder");
    replicas.add(holder);
    holder.start();
    await(() -> job.runs.get() == 1);

    // A claim counts as dead after 20 missed heartbeats of 200 ms here: slack for a loaded machine,
    // where a heartbeat
    // may come late; many dead-execution checks still pass while the holder's heartbeats keep the
    // claim alive.
    Scheduler other = ClusterJobScheduler.create(
        dataSource, List.of(job), List.of(), new FastSettings(20), "other");
    replicas.add(other);
    other.start();
    Thread.sleep(6_000);
    assertThat(job.runs).hasValue(1);
    assertThat(pickedBy(job.name())).hasValue("holder");
    release.countDown();
  }

  @Test
  void aJobHeldByADeadReplicaIsTakenOverOnceItsHeartbeatsStop() throws Exception {
    CountingJob job = new CountingJob("orphan-" + UUID.randomUUID(), Duration.ofHours(1));
    // A replica claimed the job an hour ago and died: its heartbeat is as old as its claim.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("""
            insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat,
                                         version)
            values (?, 'recurring', now() - interval '1 hour', true, 'dead-replica', now() - interval '1 hour', 1)
            """)) {
      insert.setString(1, job.name());
      insert.executeUpdate();
    }

    Scheduler survivor = replica("survivor", job);
    survivor.start();

    await(() -> job.runs.get() == 1);
    assertThat(job.runs).hasValue(1);
    await(() -> pickedBy(job.name()).isEmpty());
  }

  @Test
  void aDueAutomationRunsOnceAcrossTwoReplicasAndMovesToTheNextOccurrenceItReturns()
      throws Exception {
    AtomicInteger runs = new AtomicInteger();
    java.time.Instant nextOccurrence = java.time.Instant.parse("2030-01-07T08:00:00Z");
    var task = AutomationRunTask.task(command -> {
      runs.incrementAndGet();
      return Optional.of(nextOccurrence);
    });
    UUID automation = UUID.randomUUID();
    io.khoj4j.domain.user.UserId owner = new io.khoj4j.domain.user.UserId(UUID.randomUUID());
    application.pause();
    Scheduler first = ClusterJobScheduler.create(
        dataSource, List.of(), List.of(task), new FastSettings(), "replica-a");
    Scheduler second = ClusterJobScheduler.create(
        dataSource, List.of(), List.of(task), new FastSettings(), "replica-b");
    replicas.add(first);
    replicas.add(second);
    first.schedule(
        AutomationRunTask.instance(owner, automation), java.time.Instant.now().minusSeconds(1));

    first.start();
    second.start();
    await(() -> runs.get() >= 1);
    for (int poll = 0; poll < 20; poll++) {
      first.triggerCheckForDueExecutions();
      second.triggerCheckForDueExecutions();
      Thread.sleep(50);
    }

    assertThat(runs).hasValue(1);
    await(() -> nextOccurrence.equals(dueTimeOf(automation)));
  }

  private java.time.Instant dueTimeOf(UUID automation) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "select execution_time from scheduled_tasks where task_name = ? and task_instance = ? and not picked")) {
      select.setString(1, AutomationRunTask.NAME);
      select.setString(2, automation.toString());
      try (var rows = select.executeQuery()) {
        return rows.next() ? rows.getTimestamp(1).toInstant() : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Scheduler replica(String name, ClusterJob job) {
    Scheduler scheduler =
        ClusterJobScheduler.create(dataSource, List.of(job), List.of(), new FastSettings(), name);
    replicas.add(scheduler);
    return scheduler;
  }

  private java.time.Instant nextRunOf(String task) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "select execution_time from scheduled_tasks where task_name = ? and not picked")) {
      select.setString(1, task);
      try (var rows = select.executeQuery()) {
        assertThat(rows.next()).as("one waiting row for " + task).isTrue();
        return rows.getTimestamp(1).toInstant();
      }
    }
  }

  private Optional<String> pickedBy(String task) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "select picked_by from scheduled_tasks where task_name = ? and picked")) {
      select.setString(1, task);
      try (var rows = select.executeQuery()) {
        return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within %s", WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** Counts its runs; optionally blocks each run until released. */
  private record CountingJob(
      String name, Duration every, AtomicInteger runs, CountDownLatch release)
      implements ClusterJob {

    CountingJob(String name, Duration every) {
      this(name, every, new AtomicInteger(), new CountDownLatch(0));
    }

    CountingJob(String name, Duration every, CountDownLatch release) {
      this(name, every, new AtomicInteger(), release);
    }

    @Override
    public void run() {
      runs.incrementAndGet();
      try {
        release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Fast polling and a short heartbeat, so that a dead replica is noticed within a second. */
  private static final class FastSettings implements ClusterJobSettings {
    private final int missedHeartbeats;

    FastSettings() {
      this(4);
    }

    FastSettings(int missedHeartbeats) {
      this.missedHeartbeats = missedHeartbeats;
    }

    @Override
    public boolean enabled() {
      return true;
    }

    @Override
    public Duration pollingInterval() {
      return Duration.ofMillis(100);
    }

    @Override
    public Duration heartbeatInterval() {
      return Duration.ofMillis(200);
    }

    @Override
    public int missedHeartbeats() {
      return missedHeartbeats;
    }

    @Override
    public int threads() {
      return 2;
    }

    @Override
    public Optional<String> replicaName() {
      return Optional.empty();
    }
  }
}
