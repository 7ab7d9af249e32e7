package io.khoj4j.application.port.out.auth;

import io.khoj4j.domain.user.ExternalIdentity;
import io.khoj4j.domain.user.UserId;
import java.util.Optional;

/** Links between khoj4j users and their accounts at OpenID Connect providers. */
public interface ExternalIdentityRepository {

  Optional<ExternalIdentity> find(String issuer, String subject);

  /** Stores the link unless one exists for the same issuer and subject; returns the stored link. */
  ExternalIdentity linkIfAbsent(ExternalIdentity identity);

  /**
   * Replaces the picture of the identity and marks it as the most recently updated one; nothing happens when no
   * identity has that issuer and subject.
   *
   * @param picture an acceptable picture ({@link ExternalIdentity#acceptablePicture}), never null
   */
  void updatePicture(String issuer, String subject, String picture);

  /** The picture of the user's identity whose picture was stored or updated most recently, if any has one. */
  Optional<String> latestPicture(UserId user);

  /**
   * Removes every link of the user. A sign-in by mail that proves an unverified account's address removes the links
   * made before it: a provider that does not verify addresses may have let anyone claim that address first.
   */
  void unlinkAll(UserId user);
}
