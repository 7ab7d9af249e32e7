package io.khoj4j.application.port.out.content;

import io.khoj4j.domain.content.RefusedFile;
import io.khoj4j.domain.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The files a user's uploads did not index, one per name (the latest refusal wins). Every method is scoped by the
 * owner; writes run inside a {@code UnitOfWork}.
 */
public interface RefusedFileRepository {

  /** Records the refusal, replacing an earlier one of the same owner and name. */
  void save(RefusedFile file);

  /** Which of these names the owner has a refusal of (one read for an upload's files). */
  Set<String> refusedAmong(UserId owner, Collection<String> names);

  /** Forgets the owner's refusals of these names (the file was since indexed or deleted); returns how many. */
  int forget(UserId owner, Collection<String> names);

  /** Forgets every refusal of the owner; returns how many. */
  int forgetAll(UserId owner);

  /** Keeps only the owner's {@code keep} most recent refusals. */
  void keepNewest(UserId owner, int keep);

  /** The owner's refusals, newest first, at most {@code limit}. */
  List<RefusedFile> list(UserId owner, int limit);
}
