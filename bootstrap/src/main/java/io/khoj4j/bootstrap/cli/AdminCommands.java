package io.khoj4j.bootstrap.cli;

import io.khoj4j.application.error.ApplicationException;
import io.khoj4j.application.port.in.migration.ImportKhojDataUseCase;
import io.khoj4j.application.port.in.subscription.SetSubscriptionUseCase;
import io.khoj4j.application.port.in.subscription.SetSubscriptionUseCase.SetSubscriptionCommand;
import io.khoj4j.application.port.in.subscription.SubscriptionStatus;
import io.khoj4j.application.port.in.token.CreateApiTokenCommand;
import io.khoj4j.application.port.in.token.CreateApiTokenUseCase;
import io.khoj4j.application.port.in.token.CreatedApiToken;
import io.khoj4j.application.port.in.user.ListUsersUseCase;
import io.khoj4j.application.port.in.user.ListUsersUseCase.ListUsersQuery;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.domain.subscription.SubscriptionType;
import io.khoj4j.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Operator commands, run as {@code quarkus-run.jar admin <command>} against the configured database. Scripts read
 * the last line of {@code create-token}'s output; everything else a command prints goes before it, logs go to
 * standard error.
 */
@ApplicationScoped
public class AdminCommands {

  private final ProvisionUserUseCase provisionUser;
  private final CreateApiTokenUseCase createToken;
  private final ListUsersUseCase listUsers;
  private final SetSubscriptionUseCase setSubscription;
  private final ImportKhojDataUseCase importKhoj;

  public AdminCommands(
      ProvisionUserUseCase provisionUser,
      CreateApiTokenUseCase createToken,
      ListUsersUseCase listUsers,
      SetSubscriptionUseCase setSubscription,
      ImportKhojDataUseCase importKhoj) {
    this.provisionUser = provisionUser;
    this.createToken = createToken;
    this.listUsers = listUsers;
    this.setSubscription = setSubscription;
    this.importKhoj = importKhoj;
  }

  public static boolean isAdminCommand(String... args) {
    return args != null && args.length > 0 && "admin".equals(args[0]);
  }

  /** Runs {@code args} (starting with {@code admin}); returns the process exit code. */
  @ActivateRequestContext
  public int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  @ActivateRequestContext
  public int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Admin())
        .addSubcommand(new CreateUser())
        .addSubcommand(new CreateToken())
        .addSubcommand(new ListUsers())
        .addSubcommand(new SetSubscription())
        .addSubcommand(new ImportKhojCli(importKhoj))
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler((e, commandLine, parsed) -> {
          if (e instanceof ApplicationException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("error: " + e.getMessage());
            return 1;
          }
          throw e;
        });
    String[] rest = new String[Math.max(0, args.length - 1)];
    System.arraycopy(args, 1, rest, 0, rest.length);
    return cli.execute(rest);
  }

  @Command(
      name = "admin",
      description =
          "Operator commands: create users and API tokens without a browser, import a Khoj server.",
      mixinStandardHelpOptions = true)
  static final class Admin implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getErr());
    }
  }

  @Command(
      name = "create-user",
      description = "Creates a user (or raises an existing one to administrator).",
      mixinStandardHelpOptions = true)
  final class CreateUser implements Callable<Integer> {
    @Option(names = "--email", required = true, description = "The user's e-mail address.")
    String email;

    @Option(names = "--admin", description = "Make the user an administrator.")
    boolean admin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      User user = provisionUser.provision(new ProvisionUserCommand(email, null, admin, false));
      spec.commandLine()
          .getOut()
          .printf("%s %s%s%n", user.id(), user.email(), user.admin() ? " admin" : "");
      return 0;
    }
  }

  @Command(
      name = "create-token",
      description =
          "Creates an API token for the user (creating the user if needed); prints it as the last line.",
      mixinStandardHelpOptions = true)
  final class CreateToken implements Callable<Integer> {
    @Option(names = "--email", required = true, description = "The token owner's e-mail address.")
    String email;

    @Option(
        names = "--name",
        description = "A name to recognise the token by (default: a random one).")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      User user = provisionUser.provision(ProvisionUserCommand.byEmail(email));
      CreatedApiToken token = createToken.create(new CreateApiTokenCommand(user.id(), name));
      PrintWriter out = spec.commandLine().getOut();
      out.printf("token \"%s\" for %s%n", token.token().name(), user.email());
      out.println(token.secret());
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "set-subscription",
      description = "Sets a user's subscription (creating the user if needed); prints its state.",
      mixinStandardHelpOptions = true)
  final class SetSubscription implements Callable<Integer> {
    @Option(names = "--email", required = true, description = "The user's e-mail address.")
    String email;

    @Option(names = "--type", required = true, description = "trial or standard.")
    String type;

    @Option(names = "--recurring", description = "The subscription renews (standard only).")
    boolean recurring;

    @Option(
        names = "--renewal-date",
        description =
            "End of the paid period or trial, e.g. 2027-01-31T00:00:00Z (a trial without one starts now).")
    String renewalDate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      SubscriptionType kind;
      Optional<Instant> renewal;
      try {
        kind = SubscriptionType.fromWire(type);
        renewal = Optional.ofNullable(renewalDate).map(Instant::parse);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "--renewal-date must be an ISO-8601 instant, e.g. 2027-01-31T00:00:00Z");
      }
      if (kind == SubscriptionType.TRIAL && recurring) {
        throw new IllegalArgumentException("a trial does not renew: leave out --recurring");
      }
      User user = provisionUser.provision(ProvisionUserCommand.byEmail(email));
      SubscriptionStatus status =
          setSubscription.set(new SetSubscriptionCommand(user.id(), kind, recurring, renewal));
      spec.commandLine()
          .getOut()
          .printf(
              "%s %s%s%n",
              user.email(),
              status.state().wireName(),
              status.renewalDate().map(d -> " until " + d).orElse(""));
      return 0;
    }
  }

  @Command(
      name = "list-users",
      description = "Lists every account, oldest first.",
      mixinStandardHelpOptions = true)
  final class ListUsers implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int offset = 0;
      List<User> page;
      do {
        page = listUsers.list(new ListUsersQuery(offset, ListUsersQuery.MAX_LIMIT));
        for (User u : page) {
          out.printf(
              "%s\t%s\t%s\t%s%n",
              u.id(),
              u.email() == null ? "-" : u.email(),
              u.username(),
              u.admin() ? "admin" : "user");
        }
        offset += page.size();
      } while (page.size() == ListUsersQuery.MAX_LIMIT);
      out.flush();
      return 0;
    }
  }
}
