package io.khoj4j.application.port.out.ratelimit;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;

/**
 * Room in a user's index, shared by every replica: what the user has indexed plus what uploads still being indexed
 * have reserved. Reservations are checked and taken atomically, so N concurrent uploads against one capacity admit
 * exactly those that fit.
 */
public interface IndexSpace {

  /** Longer than any upload takes to index (a first sync of thousands of files takes minutes). */
  java.time.Duration STALE_AFTER = java.time.Duration.ofHours(6);

  /**
   * Reserves {@code bytes} for the upload {@code uploadId} when indexed bytes + reserved bytes + {@code bytes} stays
   * below {@code capacity} (Khoj refuses at "greater or equal"); false, reserving nothing, otherwise. A reservation
   * whose upload died without releasing it stops counting after {@link #STALE_AFTER}.
   */
  boolean tryReserve(UserId owner, String uploadId, long bytes, long capacity);

  /** Gives the reservation back; an unknown id does nothing. */
  void release(UserId owner, String uploadId);

  /** Forgets reservations made before {@code cutoff}; returns how many. */
  int purgeBefore(Instant cutoff);
}
