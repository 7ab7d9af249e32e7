package io.khoj4j.application.service.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.SequentialIdGenerator;
import io.khoj4j.application.port.out.user.InMemoryUserRepository;
import io.khoj4j.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProvisionUserServiceTest {

  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  private final ProvisionUserService service =
      new ProvisionUserService(users, unitOfWork, new SequentialIdGenerator(), clock);

  @Test
  void createsAUserWithTheEmailAsUsername() {
    User user = service.provision(ProvisionUserCommand.byEmail(" Ada@Example.org "));

    assertThat(user.email()).isEqualTo("ada@example.org");
    assertThat(user.username()).isEqualTo("ada@example.org");
    assertThat(user.createdAt()).isEqualTo(clock.instant());
    assertThat(user.admin()).isFalse();
    assertThat(unitOfWork.transactions()).isEqualTo(1);
  }

  @Test
  void anAddressLongerThanAUsernameGetsAShortenedUniqueUsername() {
    // the address may be 254 characters, a username 150 (the store's column): a long one was a 500
    String local = "a".repeat(160);
    User user = service.provision(ProvisionUserCommand.byEmail(local + "@example.org"));
    User other = service.provision(ProvisionUserCommand.byEmail(local + "@example.net"));

    assertThat(user.email()).isEqualTo(local + "@example.org");
    assertThat(user.username()).hasSize(ProvisionUserCommand.MAX_USERNAME).startsWith("aaaa");
    assertThat(other.username())
        .hasSize(ProvisionUserCommand.MAX_USERNAME)
        .isNotEqualTo(user.username());
    assertThatThrownBy(
            () -> new ProvisionUserCommand("a@example.org", "u".repeat(151), false, false))
        .isInstanceOf(io.khoj4j.application.error.InvalidInputException.class);
  }

  @Test
  void provisioningTwiceReturnsTheSameUser() {
    User first = service.provision(ProvisionUserCommand.byEmail("ada@example.org"));
    User second = service.provision(ProvisionUserCommand.byEmail("ADA@example.org"));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(users.findAll(0, 10)).hasSize(1);
  }

  @Test
  void adminFlagIsRaisedButNeverLowered() {
    service.provision(ProvisionUserCommand.byEmail("ada@example.org"));
    User admin = service.provision(new ProvisionUserCommand("ada@example.org", null, true, false));
    User again = service.provision(ProvisionUserCommand.byEmail("ada@example.org"));

    assertThat(admin.admin()).isTrue();
    assertThat(again.admin()).isTrue();
  }

  @Test
  void defaultUserKeepsItsKhojUsername() {
    User user = service.provision(
        new ProvisionUserCommand(User.DEFAULT_EMAIL, User.DEFAULT_USERNAME, false, true));

    assertThat(user.username()).isEqualTo("default");
    assertThat(user.isDefaultUser()).isTrue();
  }

  @Test
  void rejectsSomethingThatIsNotAnEmail() {
    assertThatThrownBy(() -> ProvisionUserCommand.byEmail("not an email"))
        .isInstanceOf(InvalidInputException.class);
  }
}
