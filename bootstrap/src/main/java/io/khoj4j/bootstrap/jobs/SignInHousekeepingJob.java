package io.khoj4j.bootstrap.jobs;

import io.khoj4j.application.port.out.auth.WebSessionRepository;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * Hourly, on one replica: removes expired browser sessions and Notion OAuth states (old sign-in attempts go with the
 * usage counters).
 */
@ApplicationScoped
public class SignInHousekeepingJob implements ClusterJob {

  private final WebSessionRepository sessions;
  private final ConnectorRepository connectors;
  private final Clock clock;

  public SignInHousekeepingJob(
      WebSessionRepository sessions, ConnectorRepository connectors, Clock clock) {
    this.sessions = sessions;
    this.connectors = connectors;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "sign-in-housekeeping";
  }

  @Override
  public Duration every() {
    return Duration.ofHours(1);
  }

  @Override
  public void run() {
    sessions.deleteExpired(clock.instant());
    connectors.deleteExpiredOauthStates(clock.instant());
  }
}
