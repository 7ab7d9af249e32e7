package io.khoj4j.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.port.in.migration.ImportKhojCommand;
import io.khoj4j.application.port.in.migration.ImportReport;
import io.khoj4j.application.port.in.subscription.SetSubscriptionUseCase.SetSubscriptionCommand;
import io.khoj4j.application.port.in.subscription.SubscriptionStatus;
import io.khoj4j.application.port.in.token.CreateApiTokenCommand;
import io.khoj4j.application.port.in.token.CreatedApiToken;
import io.khoj4j.application.port.in.user.ListUsersUseCase.ListUsersQuery;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.domain.subscription.SubscriptionState;
import io.khoj4j.domain.subscription.SubscriptionType;
import io.khoj4j.domain.user.ApiToken;
import io.khoj4j.domain.user.SecretHash;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The operator commands' parsing, exit codes and output, with the use cases replaced by fakes that record what they
 * were asked: milliseconds instead of a Quarkus start per command. {@link AdminCommandsIT} runs them end to end
 * through the application's main against PostgreSQL.
 */
class AdminCommandsTest {

  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  private final List<Object> asked = new ArrayList<>();
  private final List<User> users = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private User user(String email, boolean admin) {
    return new User(
        new UserId(UUID.nameUUIDFromBytes(email.getBytes())),
        email,
        email,
        "",
        "",
        false,
        admin,
        AT);
  }

  private final AdminCommands commands = new AdminCommands(
      command -> {
        asked.add(command);
        return user(command.email(), command.admin());
      },
      command -> {
        asked.add(command);
        ApiToken token = new ApiToken(
            UUID.randomUUID(),
            command.owner(),
            command.name() == null ? "random" : command.name(),
            SecretHash.of("kk-secret"),
            "kk-se...et",
            AT,
            null);
        return new CreatedApiToken(token, "kk-secret");
      },
      query -> {
        asked.add(query);
        int from = Math.min(query.offset(), users.size());
        return users.subList(from, Math.min(users.size(), from + query.limit()));
      },
      command -> {
        asked.add(command);
        return new SubscriptionStatus(
            command.type() == SubscriptionType.TRIAL
                ? SubscriptionState.TRIAL
                : SubscriptionState.SUBSCRIBED,
            true,
            command.renewalDate(),
            Optional.empty(),
            false,
            Optional.empty());
      },
      (command, progress) -> {
        asked.add(command);
        if (command.source().contains("unreachable")) {
          throw new IllegalArgumentException("cannot connect to the Khoj database: refused");
        }
        progress.line("users: 2 read");
        return new ImportReport(
            command.dryRun(),
            List.of(new ImportReport.Tally("users", 2, 1, 1)),
            List.of(new ImportReport.Skipped("files", "scan.pdf", "upload it again")));
      });

  private int run(String... args) {
    return commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private List<String> outLines() {
    return out.toString().lines().toList();
  }

  @Test
  void createTokenProvisionsTheUserAndPrintsTheSecretAsTheLastLine() {
    assertThat(run("admin", "create-token", "--email", "ann@example.org", "--name", "ci"))
        .isZero();

    assertThat(outLines()).containsExactly("token \"ci\" for ann@example.org", "kk-secret");
    assertThat(asked).hasSize(2);
    assertThat(asked.get(0)).isEqualTo(ProvisionUserCommand.byEmail("ann@example.org"));
    assertThat(((CreateApiTokenCommand) asked.get(1)).name()).isEqualTo("ci");
  }

  @Test
  void createUserPrintsTheAccountAndMarksAdministrators() {
    assertThat(run("admin", "create-user", "--email", "root@example.org", "--admin"))
        .isZero();

    assertThat(out.toString()).contains("root@example.org admin");
    assertThat(((ProvisionUserCommand) asked.getFirst()).admin()).isTrue();
  }

  @Test
  void listUsersPagesThroughEveryAccount() {
    IntStream.range(0, ListUsersQuery.MAX_LIMIT + 3)
        .forEach(i -> users.add(user("u" + i + "@example.org", i == 0)));

    assertThat(run("admin", "list-users")).isZero();

    assertThat(outLines()).hasSize(ListUsersQuery.MAX_LIMIT + 3);
    assertThat(outLines().getFirst()).endsWith("\tu0@example.org\tu0@example.org\tadmin");
    assertThat(outLines().getLast()).endsWith("\tuser");
    assertThat(asked)
        .containsExactly(
            new ListUsersQuery(0, ListUsersQuery.MAX_LIMIT),
            new ListUsersQuery(ListUsersQuery.MAX_LIMIT, ListUsersQuery.MAX_LIMIT));
  }

  @Test
  void setSubscriptionPassesTypeRenewalAndRecurrence() {
    assertThat(run(
            "admin",
            "set-subscription",
            "--email",
            "pay@example.org",
            "--type",
            "standard",
            "--recurring",
            "--renewal-date",
            "2099-01-31T00:00:00Z"))
        .isZero();

    assertThat(out.toString()).contains("pay@example.org subscribed until 2099-01-31T00:00:00Z");
    SetSubscriptionCommand sent = (SetSubscriptionCommand) asked.get(1);
    assertThat(sent.type()).isEqualTo(SubscriptionType.STANDARD);
    assertThat(sent.recurring()).isTrue();
    assertThat(sent.renewalDate()).contains(Instant.parse("2099-01-31T00:00:00Z"));
  }

  @Test
  void refusedValuesExitWithOneAndAReasonAndAskNothing() {
    assertThat(run("admin", "set-subscription", "--email", "a@example.org", "--type", "gold"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("error: Unknown subscription type: gold");
    assertThat(run(
            "admin",
            "set-subscription",
            "--email",
            "a@example.org",
            "--type",
            "standard",
            "--renewal-date",
            "tomorrow"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("--renewal-date must be an ISO-8601 instant");
    assertThat(run(
            "admin",
            "set-subscription",
            "--email",
            "a@example.org",
            "--type",
            "trial",
            "--recurring"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("a trial does not renew");
    assertThat(asked).isEmpty();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void importKhojPrintsProgressOnStandardErrorAndTheReportOnStandardOutput() {
    assertThat(run("admin", "import-khoj", "--from", "jdbc:postgresql://khoj/khoj"))
        .isZero();

    assertThat(asked).containsExactly(new ImportKhojCommand("jdbc:postgresql://khoj/khoj", false));
    assertThat(err.toString()).contains("users: 2 read");
    assertThat(outLines())
        .containsExactly(
            "users: 2 found, 1 imported, 1 already imported",
            "not imported: files scan.pdf: upload it again");
  }

  @Test
  void importKhojDryRunSaysWhatItWouldDo() {
    assertThat(run("admin", "import-khoj", "--from", "jdbc:postgresql://khoj/khoj", "--dry-run"))
        .isZero();

    assertThat(asked).containsExactly(new ImportKhojCommand("jdbc:postgresql://khoj/khoj", true));
    assertThat(outLines().getFirst())
        .isEqualTo("users: 2 found, 1 would import, 1 already imported");
  }

  @Test
  void importKhojWithoutASourceOrWithAnUnreachableOneFails() {
    assertThat(run("admin", "import-khoj")).isEqualTo(2);
    assertThat(err.toString()).contains("--from");
    assertThat(run("admin", "import-khoj", "--from", "jdbc:postgresql://unreachable/khoj"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("error: cannot connect to the Khoj database: refused");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("admin", "create-token")).isEqualTo(2);
    assertThat(err.toString()).contains("--email");
    assertThat(run("admin", "make-coffee")).isEqualTo(2);
    assertThat(asked).isEmpty();
  }

  @Test
  void onlyArgumentsStartingWithAdminAreCommands() {
    assertThat(AdminCommands.isAdminCommand("admin", "list-users")).isTrue();
    assertThat(AdminCommands.isAdminCommand()).isFalse();
    assertThat(AdminCommands.isAdminCommand("serve")).isFalse();
  }
}
