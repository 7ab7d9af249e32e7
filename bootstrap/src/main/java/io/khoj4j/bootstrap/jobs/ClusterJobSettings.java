package io.khoj4j.bootstrap.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code khoj.jobs.*}: how replicas share background jobs through PostgreSQL. */
@ConfigMapping(prefix = "khoj.jobs")
public interface ClusterJobSettings {

  /** false: no background job runs on this replica (it still serves requests). */
  @WithDefault("true")
  boolean enabled();

  /** How often this replica looks for due jobs. */
  @WithDefault("10s")
  Duration pollingInterval();

  /** How often a running job's replica tells the others it is alive. */
  @WithDefault("30s")
  Duration heartbeatInterval();

  /** Missed heartbeats after which a running job's replica counts as dead and another takes the job over. */
  @WithDefault("4")
  int missedHeartbeats();

  /** Threads that run jobs on this replica. */
  @WithDefault("2")
  int threads();

  /** This replica's name in {@code scheduled_tasks.picked_by}; default: host name and process id. */
  Optional<String> replicaName();
}
