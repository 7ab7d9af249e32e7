package io.khoj4j.application.port.out.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.ExternalIdentity;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ExternalIdentityRepository} must do. */
public abstract class ExternalIdentityRepositoryContract {

  protected abstract ExternalIdentityRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract UserId newOwner();

  @Test
  void theFirstLinkOfAnIssuerAndSubjectWins() {
    String subject = "sub-" + UUID.randomUUID();
    ExternalIdentity first = new ExternalIdentity("https://idp.example", subject, newOwner());
    ExternalIdentity second = new ExternalIdentity("https://idp.example", subject, newOwner());

    ExternalIdentity a = unitOfWork().inTransaction(() -> repository().linkIfAbsent(first));
    ExternalIdentity b = unitOfWork().inTransaction(() -> repository().linkIfAbsent(second));

    assertThat(a).isEqualTo(first);
    assertThat(b).isEqualTo(first);
    assertThat(repository().find("https://idp.example", subject)).contains(first);
  }

  @Test
  void unlinkingAUserRemovesEveryLinkOfItsAndNoOneElses() {
    UserId owner = newOwner();
    UserId other = newOwner();
    String subject = "sub-" + UUID.randomUUID();
    unitOfWork().run(() -> {
      repository().linkIfAbsent(new ExternalIdentity("https://idp.example", subject, owner));
      repository().linkIfAbsent(new ExternalIdentity("https://other.example", subject, owner));
      repository().linkIfAbsent(new ExternalIdentity("https://idp.example", subject + "x", other));
    });

    unitOfWork().run(() -> repository().unlinkAll(owner));

    assertThat(repository().find("https://idp.example", subject)).isEmpty();
    assertThat(repository().find("https://other.example", subject)).isEmpty();
    assertThat(repository().find("https://idp.example", subject + "x")).isPresent();
  }

  @Test
  void theSameSubjectAtAnotherIssuerIsAnotherPerson() {
    String subject = "sub-" + UUID.randomUUID();
    ExternalIdentity google =
        new ExternalIdentity("https://accounts.google.com", subject, newOwner());
    unitOfWork().inTransaction(() -> repository().linkIfAbsent(google));

    assertThat(repository().find("https://keycloak.example/realms/home", subject))
        .isEmpty();
  }

  @Test
  void aLinkKeepsTheProvidersPicture() {
    String subject = "sub-" + UUID.randomUUID();
    UserId owner = newOwner();
    ExternalIdentity link =
        new ExternalIdentity("https://idp.example", subject, owner, "https://idp.example/a.png");

    unitOfWork().inTransaction(() -> repository().linkIfAbsent(link));

    assertThat(repository().find("https://idp.example", subject)).contains(link);
    assertThat(repository().latestPicture(owner)).contains("https://idp.example/a.png");
  }

  @Test
  void aNewPictureReplacesTheOldOne() {
    String subject = "sub-" + UUID.randomUUID();
    UserId owner = newOwner();
    unitOfWork()
        .inTransaction(() -> repository()
            .linkIfAbsent(new ExternalIdentity(
                "https://idp.example", subject, owner, "https://idp.example/old.png")));

    unitOfWork()
        .run(() -> repository()
            .updatePicture("https://idp.example", subject, "https://idp.example/new.png"));

    assertThat(repository().find("https://idp.example", subject).orElseThrow().picture())
        .isEqualTo("https://idp.example/new.png");
    assertThat(repository().latestPicture(owner)).contains("https://idp.example/new.png");
  }

  @Test
  void aLinkWithoutAPictureHasNone() {
    String subject = "sub-" + UUID.randomUUID();
    UserId owner = newOwner();
    unitOfWork()
        .inTransaction(() ->
            repository().linkIfAbsent(new ExternalIdentity("https://idp.example", subject, owner)));

    assertThat(repository().find("https://idp.example", subject).orElseThrow().picture())
        .isNull();
    assertThat(repository().latestPicture(owner)).isEmpty();
  }

  @Test
  void theMostRecentlyUpdatedIdentityGivesTheUsersPicture() {
    UserId owner = newOwner();
    String google = "g-" + UUID.randomUUID();
    String keycloak = "k-" + UUID.randomUUID();
    unitOfWork()
        .inTransaction(() -> repository()
            .linkIfAbsent(new ExternalIdentity(
                "https://accounts.google.com", google, owner, "https://google.example/g.png")));
    unitOfWork()
        .inTransaction(() -> repository()
            .linkIfAbsent(new ExternalIdentity(
                "https://keycloak.example", keycloak, owner, "https://keycloak.example/k.png")));
    assertThat(repository().latestPicture(owner)).contains("https://keycloak.example/k.png");

    unitOfWork()
        .run(() -> repository()
            .updatePicture("https://accounts.google.com", google, "https://google.example/g2.png"));

    assertThat(repository().latestPicture(owner)).contains("https://google.example/g2.png");
    assertThat(repository().latestPicture(newOwner())).isEmpty();
  }
}
