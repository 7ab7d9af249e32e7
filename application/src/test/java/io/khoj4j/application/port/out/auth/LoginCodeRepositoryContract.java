package io.khoj4j.application.port.out.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.LoginCode;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link LoginCodeRepository} must do. */
public abstract class LoginCodeRepositoryContract {

  protected abstract LoginCodeRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract UserId newOwner();

  private static final Instant EXPIRY = Instant.parse("2026-03-01T10:05:00Z");

  @Test
  void aNewCodeReplacesTheLastOne() {
    UserId owner = newOwner();
    LoginCode first = new LoginCode(owner, LoginCode.hashOf(owner, "111111"), EXPIRY);
    LoginCode second = new LoginCode(owner, LoginCode.hashOf(owner, "222222"), EXPIRY);

    unitOfWork().run(() -> repository().replace(first));
    unitOfWork().run(() -> repository().replace(second));

    assertThat(repository().find(owner)).contains(second);
    assertThat(repository().find(owner).orElseThrow().matches("111111")).isFalse();
  }

  @Test
  void aCodeIsConsumedOnceOnlyEvenWhenRacedFor() throws Exception {
    UserId owner = newOwner();
    LoginCode code = new LoginCode(owner, LoginCode.hashOf(owner, "123456"), EXPIRY);
    unitOfWork().run(() -> repository().replace(code));

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        racers.add(() -> unitOfWork().inTransaction(() -> repository().consume(code)));
      }
      long winners = 0;
      for (Future<Boolean> f : pool.invokeAll(racers)) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(repository().find(owner)).isEmpty();
  }

  @Test
  void consumingAReplacedCodeFails() {
    UserId owner = newOwner();
    LoginCode old = new LoginCode(owner, LoginCode.hashOf(owner, "111111"), EXPIRY);
    LoginCode fresh = new LoginCode(owner, LoginCode.hashOf(owner, "222222"), EXPIRY);
    unitOfWork().run(() -> repository().replace(old));
    unitOfWork().run(() -> repository().replace(fresh));

    assertThat(unitOfWork().inTransaction(() -> repository().consume(old))).isFalse();
    assertThat(repository().find(owner)).contains(fresh);
  }
}
