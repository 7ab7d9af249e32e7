package io.khoj4j.application.port.out.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link IndexSpace} does; the fake and the PostgreSQL adapter run it. */
public abstract class IndexSpaceContract {

  protected abstract IndexSpace space();

  /** A user with nothing indexed, known to the store. */
  protected abstract UserId newUser();

  @Test
  void anUploadFitsOnlyBelowTheCapacityAndAReleaseFreesItsSpace() {
    UserId alice = newUser();
    assertThat(space().tryReserve(alice, "u1", 600, 1000)).isTrue();
    assertThat(space().tryReserve(alice, "u2", 400, 1000))
        .as("600 + 400 reaches 1000")
        .isFalse();
    assertThat(space().tryReserve(alice, "u3", 399, 1000)).isTrue();
    space().release(alice, "u1");
    space().release(alice, "unknown");
    assertThat(space().tryReserve(alice, "u4", 600, 1000)).isTrue();
  }

  @Test
  void oneUsersReservationsNeverTakeAnothersSpace() {
    UserId alice = newUser();
    UserId bob = newUser();
    assertThat(space().tryReserve(alice, "same-id", 900, 1000)).isTrue();
    assertThat(space().tryReserve(bob, "same-id", 900, 1000)).isTrue();
    space().release(bob, "same-id");
    assertThat(space().tryReserve(alice, "other", 200, 1000))
        .as("bob's release freed nothing of alice's")
        .isFalse();
  }

  @Test
  void parallelUploadsAtTheCapacityAdmitExactlyWhatFits() throws Exception {
    UserId alice = newUser();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> uploads = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String id = "upload-" + i;
        uploads.add(() -> space().tryReserve(alice, id, 300, 1000));
      }
      List<Boolean> admitted = new ArrayList<>();
      for (Future<Boolean> f : pool.invokeAll(uploads)) {
        admitted.add(f.get());
      }
      assertThat(admitted)
          .as("300, 600, 900 fit below 1000; the fourth would reach 1200")
          .filteredOn(a -> a)
          .hasSize(3);
    } finally {
      pool.shutdownNow();
    }
  }
}
