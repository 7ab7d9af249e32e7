package io.khoj4j.bootstrap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.domain.automation.Automation;
import io.khoj4j.domain.automation.Crontime;
import io.khoj4j.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The automation rows in db-scheduler's table on PostgreSQL, including while a run holds the row (picked by a
 * replica): a change or a deletion made then succeeds and leaves the row to the run, which writes it when it ends.
 */
@QuarkusTest
class DbSchedulerAutomationSchedulerIT {

  @Inject
  DataSource dataSource;

  @Inject
  DbSchedulerAutomationScheduler scheduler;

  private final Instant tomorrow =
      Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  @Test
  void aRowIsWrittenMovedAndRemoved() throws SQLException {
    Automation automation = automation();

    scheduler.schedule(automation, tomorrow);
    assertThat(due(automation)).contains(tomorrow);
    scheduler.schedule(automation, tomorrow.plusSeconds(60));
    assertThat(due(automation)).contains(tomorrow.plusSeconds(60));

    scheduler.cancel(automation.owner(), automation.id());
    assertThat(due(automation)).isEmpty();
  }

  @Test
  void whileARunHoldsTheRowAChangeOrADeletionLeavesItToTheRun() throws SQLException {
    Automation automation = automation();
    scheduler.schedule(automation, tomorrow);
    pick(automation, true);

    scheduler.schedule(automation, tomorrow.plusSeconds(3600));
    assertThat(due(automation)).as("moved by the run when it ends").contains(tomorrow);
    scheduler.cancel(automation.owner(), automation.id());
    assertThat(due(automation)).as("removed by the run when it ends").contains(tomorrow);

    pick(automation, false);
    scheduler.cancel(automation.owner(), automation.id());
    assertThat(due(automation)).isEmpty();
  }

  private static Automation automation() {
    return new Automation(
        UUID.randomUUID(),
        new UserId(UUID.randomUUID()),
        "digest",
        Automation.taskQuery("news"),
        "news",
        Crontime.parse("0 9 * * *"),
        ZoneOffset.UTC,
        UUID.randomUUID(),
        Instant.now());
  }

  /** Marks the row as a replica's run in progress (or over), as db-scheduler does when it picks an execution. */
  private void pick(Automation automation, boolean picked) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "update scheduled_tasks set picked = ?, picked_by = ?, last_heartbeat = now()"
                + " where task_name = ? and task_instance = ?")) {
      ps.setBoolean(1, picked);
      ps.setString(2, picked ? "another-replica" : null);
      ps.setString(3, AutomationRunTask.NAME);
      ps.setString(4, automation.id().toString());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private Optional<Instant> due(Automation automation) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "select execution_time from scheduled_tasks where task_name = ? and task_instance = ?")) {
      ps.setString(1, AutomationRunTask.NAME);
      ps.setString(2, automation.id().toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
      }
    }
  }
}
