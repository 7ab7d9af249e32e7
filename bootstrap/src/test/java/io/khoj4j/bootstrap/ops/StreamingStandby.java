package io.khoj4j.bootstrap.ops;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL hot standby of the local test cluster, made with the distribution's tools the way an operator makes
 * one: {@code pg_basebackup -R} into a temporary folder, then {@code pg_ctl start} on a free port. The server under
 * test reads searches from it ({@code khoj.search.replica.jdbc-url}). Needs the PostgreSQL server binaries and root
 * (to act as the {@code postgres} user) and replication from 127.0.0.1 ({@code scripts/setup.sh --fresh-test-db}
 * allows it on a trusting local server); without them {@link #UNAVAILABLE} says why and the tests are skipped.
 */
public class StreamingStandby implements QuarkusTestResourceLifecycleManager {

  private static final Duration WAIT = Duration.ofMinutes(2);

  /** Test configuration (the test runs in another class loader than this resource): the standby's port. */
  public static final String PORT = "khoj4j.test.standby.port";
  /** Its folder. */
  public static final String DIR = "khoj4j.test.standby.dir";
  /** Why no standby could be made, when none could. */
  public static final String UNAVAILABLE = "khoj4j.test.standby.unavailable";

  private int port;
  private Path dir;

  public static String database() {
    return System.getenv().getOrDefault("KHOJ4J_TEST_DB", "khoj4j_test");
  }

  /** A superuser connection to the standby on {@code port}. */
  public static Connection connect(int port) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database(), "postgres", "");
  }

  @Override
  public Map<String, String> start() {
    Optional<Path> bin = binaries();
    if (bin.isEmpty()) {
      return Map.of(
          UNAVAILABLE, "the PostgreSQL server tools (pg_basebackup, pg_ctl) are not installed");
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return Map.of(UNAVAILABLE, "making a standby needs root, to run pg_basebackup as postgres");
    }
    try {
      port = freePort();
      dir = Files.createTempDirectory("khoj4j-standby");
      run(List.of("chown", "postgres:postgres", dir.toString()));
      run(asPostgres(
          bin.get().resolve("pg_basebackup").toString(),
          "-h",
          "127.0.0.1",
          "-p",
          "5432",
          "-U",
          "postgres",
          "-D",
          dir.resolve("data").toString(),
          "-R",
          "-X",
          "stream",
          "-c",
          "fast"));
      // Debian keeps the primary's configuration outside its data folder: the standby gets its own
      Path data = dir.resolve("data");
      Files.writeString(
          data.resolve("postgresql.conf"),
          "listen_addresses = '127.0.0.1'\nport = " + port + "\nunix_socket_directories = '" + dir
              + "'\nhot_standby = on\n",
          StandardCharsets.UTF_8);
      Files.writeString(
          data.resolve("pg_hba.conf"),
          "local all all trust\nhost all all 127.0.0.1/32 trust\n",
          StandardCharsets.UTF_8);
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
      run(asPostgres(
          bin.get().resolve("pg_ctl").toString(),
          "-D",
          data.toString(),
          "-l",
          dir.resolve("standby.log").toString(),
          "-w",
          "-t",
          "120",
          "start"));
      awaitRecovery(port);
      return Map.of(
          "khoj.search.replica.jdbc-url",
          "jdbc:postgresql://127.0.0.1:" + port + "/" + database(),
          PORT,
          Integer.toString(port),
          DIR,
          dir.toString());
    } catch (Exception e) {
      stop();
      return Map.of(UNAVAILABLE, "the standby could not be made: " + e.getMessage());
    }
  }

  /** Stops the standby in {@code dir}, as a crash or a restart would take it away. */
  public static void halt(Path dir) throws Exception {
    Optional<Path> bin = binaries();
    if (bin.isPresent() && dir != null && Files.isDirectory(dir.resolve("data"))) {
      run(asPostgres(
          bin.get().resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "immediate",
          "-w",
          "stop"));
    }
  }

  @Override
  public void stop() {
    try {
      halt(dir);
    } catch (Exception ignored) {
      // not running
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary folder
      }
    }
  }

  private static void awaitRecovery(int port) throws Exception {
    Instant until = Instant.now().plus(WAIT);
    while (true) {
      try (Connection c = connect(port);
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select pg_is_in_recovery()")) {
        r.next();
        if (r.getBoolean(1)) {
          return;
        }
        throw new IllegalStateException("the copy is not a standby");
      } catch (SQLException notYet) {
        if (Instant.now().isAfter(until)) {
          throw notYet;
        }
        Thread.sleep(250);
      }
    }
  }

  private static Optional<Path> binaries() {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_basebackup")))
          .max(Comparator.comparing(b ->
              Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<String> asPostgres(String... command) {
    List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    all.addAll(List.of(command));
    return all;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("khoj4j-standby-cmd", ".log");
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
    }
    Files.deleteIfExists(log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
