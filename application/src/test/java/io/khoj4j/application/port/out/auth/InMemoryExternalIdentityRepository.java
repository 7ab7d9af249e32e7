package io.khoj4j.application.port.out.auth;

import io.khoj4j.domain.user.ExternalIdentity;
import io.khoj4j.domain.user.UserId;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Fake of {@link ExternalIdentityRepository}; passes {@link ExternalIdentityRepositoryContract}. */
public final class InMemoryExternalIdentityRepository implements ExternalIdentityRepository {

  private final Map<String, ExternalIdentity> links = new ConcurrentHashMap<>();
  /** When each link's picture was last stored, as a sequence number: higher is more recent. */
  private final Map<String, Long> pictureUpdates = new ConcurrentHashMap<>();

  private final AtomicLong sequence = new AtomicLong();

  @Override
  public Optional<ExternalIdentity> find(String issuer, String subject) {
    return Optional.ofNullable(links.get(key(issuer, subject)));
  }

  @Override
  public ExternalIdentity linkIfAbsent(ExternalIdentity identity) {
    String key = key(identity.issuer(), identity.subject());
    return links.computeIfAbsent(key, k -> {
      if (identity.picture() != null) {
        pictureUpdates.put(k, sequence.incrementAndGet());
      }
      return identity;
    });
  }

  @Override
  public void updatePicture(String issuer, String subject, String picture) {
    String accepted = ExternalIdentity.acceptablePicture(picture)
        .orElseThrow(() -> new IllegalArgumentException("not an acceptable picture: " + picture));
    String key = key(issuer, subject);
    links.computeIfPresent(key, (k, link) -> {
      pictureUpdates.put(k, sequence.incrementAndGet());
      return new ExternalIdentity(link.issuer(), link.subject(), link.user(), accepted);
    });
  }

  @Override
  public Optional<String> latestPicture(UserId user) {
    return links.entrySet().stream()
        .filter(e -> e.getValue().user().equals(user) && e.getValue().picture() != null)
        .max(Comparator.comparingLong(e -> pictureUpdates.getOrDefault(e.getKey(), 0L)))
        .map(e -> e.getValue().picture());
  }

  @Override
  public void unlinkAll(UserId user) {
    links.entrySet().removeIf(e -> e.getValue().user().equals(user));
  }

  private static String key(String issuer, String subject) {
    return issuer + "\n" + subject;
  }
}
