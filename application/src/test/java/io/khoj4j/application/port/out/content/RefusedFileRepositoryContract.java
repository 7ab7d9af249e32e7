package io.khoj4j.application.port.out.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.content.RefusedFile;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link RefusedFileRepository} must do. */
public abstract class RefusedFileRepositoryContract {

  protected abstract RefusedFileRepository repository();

  protected abstract UnitOfWork unitOfWork();

  protected abstract UserId newOwner();

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private void save(UserId owner, String name, String reason, int minutesLater) {
    unitOfWork()
        .run(() -> repository()
            .save(new RefusedFile(owner, name, reason, T0.plusSeconds(60L * minutesLater))));
  }

  @Test
  void refusalsAreListedNewestFirstAndALaterRefusalOfTheSameNameReplacesTheEarlier() {
    UserId owner = newOwner();
    save(owner, "/a.pdf", "the document is encrypted", 0);
    save(owner, "/b.docx", "a zip bomb", 1);
    save(owner, "/a.pdf", "damaged", 2);

    assertThat(repository().list(owner, 10))
        .containsExactly(
            new RefusedFile(owner, "/a.pdf", "damaged", T0.plusSeconds(120)),
            new RefusedFile(owner, "/b.docx", "a zip bomb", T0.plusSeconds(60)));
    assertThat(repository().list(owner, 1)).extracting(RefusedFile::name).containsExactly("/a.pdf");
  }

  @Test
  void eachOwnerSeesAndForgetsOnlyTheirOwn() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    save(alice, "/same.pdf", "alice's reason", 0);
    save(bob, "/same.pdf", "bob's reason", 0);

    assertThat(unitOfWork().inTransaction(() -> repository().forget(bob, List.of("/same.pdf"))))
        .isEqualTo(1);
    assertThat(repository().list(bob, 10)).isEmpty();
    assertThat(repository().list(alice, 10))
        .extracting(RefusedFile::reason)
        .containsExactly("alice's reason");
    assertThat(unitOfWork().inTransaction(() -> repository().forgetAll(bob))).isZero();
    assertThat(repository().list(alice, 10)).hasSize(1);
  }

  @Test
  void whichOfManyNamesWereRefusedIsAnsweredForTheOwnerOnly() {
    UserId alice = newOwner();
    UserId bob = newOwner();
    save(alice, "/a.pdf", "x", 0);
    save(alice, "/b.pdf", "x", 1);
    save(bob, "/c.pdf", "x", 0);

    assertThat(repository().refusedAmong(alice, List.of("/a.pdf", "/c.pdf", "/nope.pdf")))
        .containsExactly("/a.pdf");
    assertThat(repository().refusedAmong(bob, List.of("/a.pdf", "/b.pdf"))).isEmpty();
    assertThat(repository().refusedAmong(alice, List.of())).isEmpty();
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      many.add("/many/" + i + ".pdf");
    }
    many.add("/b.pdf");
    assertThat(repository().refusedAmong(alice, many)).containsExactly("/b.pdf");
  }

  @Test
  void forgettingNamesRemovesOnlyThoseAndForgetAllRemovesEveryOne() {
    UserId owner = newOwner();
    save(owner, "/a.pdf", "x", 0);
    save(owner, "/b.pdf", "x", 1);
    save(owner, "/c.pdf", "x", 2);

    assertThat(unitOfWork()
            .inTransaction(() -> repository().forget(owner, List.of("/a.pdf", "/nope.pdf"))))
        .isEqualTo(1);
    assertThat(repository().list(owner, 10))
        .extracting(RefusedFile::name)
        .containsExactly("/c.pdf", "/b.pdf");
    assertThat(unitOfWork().inTransaction(() -> repository().forgetAll(owner))).isEqualTo(2);
    assertThat(repository().list(owner, 10)).isEmpty();
  }

  @Test
  void onlyTheNewestAreKept() {
    UserId owner = newOwner();
    UserId other = newOwner();
    for (int i = 0; i < 5; i++) {
      save(owner, "/f" + i + ".pdf", "x", i);
    }
    save(other, "/old.pdf", "x", -10);

    unitOfWork().run(() -> repository().keepNewest(owner, 2));

    assertThat(repository().list(owner, 10))
        .extracting(RefusedFile::name)
        .containsExactly("/f4.pdf", "/f3.pdf");
    assertThat(repository().list(other, 10)).hasSize(1);
  }

  @Test
  void longNamesAndReasonsAreKeptCut() {
    UserId owner = newOwner();
    String name = "/" + "n".repeat(3000);
    save(owner, name, "r".repeat(2000), 0);

    RefusedFile stored = repository().list(owner, 10).getFirst();
    assertThat(stored.name()).hasSize(RefusedFile.MAX_NAME).startsWith("/nnn").endsWith("…");
    assertThat(stored.reason()).hasSize(RefusedFile.MAX_REASON);
    unitOfWork().run(() -> repository().forget(owner, List.of(stored.name())));
    assertThat(repository().list(owner, 10)).isEmpty();
  }
}
