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
  void theSameSubjectAtAnotherIssuerIsAnotherPerson() {
    String subject = "sub-" + UUID.randomUUID();
    ExternalIdentity google = new ExternalIdentity("https://accounts.google.com", subject, newOwner());
    unitOfWork().inTransaction(() -> repository().linkIfAbsent(google));

    assertThat(repository().find("https://keycloak.example/realms/home", subject)).isEmpty();
  }
}
