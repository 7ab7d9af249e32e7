package io.khoj4j.bootstrap.jobs;

import java.time.Duration;

/**
 * A background job that runs once across every replica sharing the database: {@link ClusterJobScheduler} keeps one
 * row per job in {@code scheduled_tasks}, and whichever replica picks that row runs the job and schedules its next
 * run. A replica that dies while running a job stops sending heartbeats; after {@code khoj.jobs.missed-heartbeats}
 * missed ones another replica takes the job over.
 *
 * <p>Implement it on an {@code @ApplicationScoped} bean; the scheduler finds every such bean at start.
 */
public interface ClusterJob {

  /** Stable, unique name: the job's key in {@code scheduled_tasks}. Renaming it starts a new schedule. */
  String name();

  /** Time between the end of one run and the start of the next; the first run is due at once. */
  Duration every();

  /** One run. An exception is logged and the job runs again {@link #every()} later. */
  void run();
}
