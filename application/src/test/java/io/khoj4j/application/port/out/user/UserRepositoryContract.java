package io.khoj4j.application.port.out.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.PasswordHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} must do. The in-memory fake and the PostgreSQL adapter both extend it. Tests use
 * fresh random e-mails, so they also pass against a database that already holds data.
 */
public abstract class UserRepositoryContract {

  protected abstract UserRepository repository();

  protected abstract UnitOfWork unitOfWork();

  private static User newUser(String email) {
    return new User(
        new UserId(UUID.randomUUID()),
        email,
        email,
        "Ada",
        "Lovelace",
        false,
        false,
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private static String randomEmail() {
    return "u-" + UUID.randomUUID() + "@example.org";
  }

  @Test
  void insertedUserIsFoundByIdEmailAndUsername() {
    User user = newUser(randomEmail());
    unitOfWork().inTransaction(() -> repository().insertIfAbsent(user));

    assertThat(repository().findById(user.id())).contains(user);
    assertThat(repository().findByEmail(user.email())).contains(user);
    assertThat(repository().findByUsername(user.username())).contains(user);
  }

  @Test
  void emailLookupIgnoresCase() {
    User user = newUser(randomEmail());
    unitOfWork().inTransaction(() -> repository().insertIfAbsent(user));

    assertThat(repository().findByEmail(user.email().toUpperCase())).contains(user);
  }

  @Test
  void insertingTheSameEmailTwiceKeepsTheFirstUser() {
    String email = randomEmail();
    User first = newUser(email);
    User second = newUser(email);

    unitOfWork().inTransaction(() -> repository().insertIfAbsent(first));
    User returned = unitOfWork().inTransaction(() -> repository().insertIfAbsent(second));

    assertThat(returned.id()).isEqualTo(first.id());
    assertThat(repository().findById(second.id())).isEmpty();
  }

  @Test
  void updateChangesFlags() {
    User user = newUser(randomEmail());
    unitOfWork().inTransaction(() -> repository().insertIfAbsent(user));
    User admin = new User(
        user.id(), user.username(), user.email(), "Grace", "Hopper", true, true, user.createdAt());

    unitOfWork().run(() -> repository().update(admin));

    assertThat(repository().findById(user.id())).contains(admin);
  }

  @Test
  void deletedUserIsGone() {
    User user = newUser(randomEmail());
    unitOfWork().inTransaction(() -> repository().insertIfAbsent(user));

    unitOfWork().run(() -> repository().delete(user.id()));

    assertThat(repository().findById(user.id())).isEmpty();
    assertThat(repository().findByEmail(user.email())).isEmpty();
  }

  @Test
  void unknownIdIsEmpty() {
    assertThat(repository().findById(new UserId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void storesOnlyThePasswordHashItIsGiven() {
    User user = newUser(randomEmail());
    unitOfWork().inTransaction(() -> repository().insertIfAbsent(user));
    assertThat(repository().findPasswordHash(user.id())).isEmpty();

    PasswordHash hash = new PasswordHash("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA");
    unitOfWork().run(() -> repository().setPasswordHash(user.id(), hash));

    assertThat(repository().findPasswordHash(user.id())).contains(hash);
  }
}
