package io.khoj4j.bootstrap.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.khoj4j.bootstrap.testing.Multipart;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged servers ({@code quarkus-run.jar}, as operators run it) on one database, each its own JVM on its own
 * port, the way replicas run behind a load balancer. Run by failsafe after {@code package}; the jar's path comes from
 * the build ({@code khoj4j.jar}).
 */
@TestMethodOrder(OrderAnnotation.class)
class TwoServersPackagedIT {

  /** One key for both, as replicas must share it (docs/operations.md). */
  private static final String SECRET_KEY = "a2hvajRqLXR3by1zZXJ2ZXJzLXRlc3Qta2V5LTMyYnk=";

  private static final int CHATS_PER_MINUTE = 5;
  private static final String ADMIN = "replicas-admin@example.org";
  private static final String ADMIN_PASSWORD = "two-servers-admin-password";
  private static final Duration START = Duration.ofMinutes(3);

  private static Server a;
  private static Server b;
  private static String token;

  /** A server process and its log. */
  record Server(String name, int port, Process process, Path log) {

    RequestSpecification request() {
      return given().baseUri("http://127.0.0.1:" + port).header("Authorization", "Bearer " + token);
    }

    String logText() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("khoj4j.jar", "target/quarkus-app/quarkus-run.jar"));
    assertThat(jar).as("the packaged server (mvn package builds it)").isRegularFile();
    return jar;
  }

  private static Map<String, String> environment(String replica, int port) {
    Map<String, String> env = new HashMap<>();
    String db = System.getenv().getOrDefault("KHOJ4J_TEST_DB", "khoj4j_test");
    env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/" + db);
    env.put("KHOJ_HOST", "127.0.0.1");
    env.put("KHOJ_PORT", Integer.toString(port));
    env.put("KHOJ_ANONYMOUS_MODE", "false");
    env.put("KHOJ_SECRET_KEY", SECRET_KEY);
    env.put("KHOJ_LIMITS_ENABLED", "true");
    env.put("KHOJ_LIMITS_PREMIUM_CHAT_PER_MINUTE", Integer.toString(CHATS_PER_MINUTE));
    env.put("KHOJ_LIMITS_PREMIUM_CHAT_PER_DAY", "1000");
    env.put("KHOJ_JOBS_POLLING_INTERVAL", "500ms");
    env.put("KHOJ_JOBS_REPLICA_NAME", replica);
    env.put("KHOJ_EMBEDDING_THREADS", "1");
    // both replicas make the operator's account from these at start, as each replica of a
    // deployment would
    env.put("KHOJ_ADMIN_EMAIL", ADMIN);
    env.put("KHOJ_ADMIN_PASSWORD", ADMIN_PASSWORD);
    return env;
  }

  private static Process java(Map<String, String> env, Path log, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED",
        "-Xmx512m",
        "-jar",
        jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Server start(String name) throws IOException {
    int port = freePort();
    Path log = Files.createTempFile("khoj4j-" + name, ".log");
    return new Server(name, port, java(environment(name, port), log), log);
  }

  private static void awaitHealthy(Server server) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant until = Instant.now().plus(START);
    while (Instant.now().isBefore(until)) {
      assertThat(server.process().isAlive())
          .as("%s stopped while starting:%n%s", server.name(), server.logText())
          .isTrue();
      try {
        HttpResponse<Void> r = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        server.name() + " did not start in " + START + ":\n" + server.logText());
  }

  /** An API token made by the operator command, run as a third process of the same jar on the same database. */
  private static String createToken(String email) throws Exception {
    Path log = Files.createTempFile("khoj4j-admin", ".log");
    Process admin =
        java(environment("admin", freePort()), log, "admin", "create-token", "--email", email);
    assertThat(admin.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("kk-"))
        .toList();
    assertThat(lines).as(Files.readString(log)).hasSize(1);
    return lines.getFirst().strip();
  }

  @BeforeAll
  static void startTwoServers() throws Exception {
    token = createToken("replicas-" + UUID.randomUUID() + "@example.org");
    a = start("replica-a");
    b = start("replica-b");
    awaitHealthy(a);
    awaitHealthy(b);
  }

  @AfterAll
  static void stopServers() {
    for (Server s : new Server[] {a, b}) {
      if (s != null && s.process().isAlive()) {
        s.process().destroyForcibly();
      }
    }
  }

  private static void upload(Server server, String file, String text) {
    Multipart notes = Multipart.files().add(file, "text/markdown", text);
    server
        .request()
        .contentType(notes.contentType())
        .body(notes.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
  }

  @Test
  @Order(1)
  void aNoteUploadedThroughOneIsFoundThroughTheOtherWithTheSameToken() {
    upload(
        a, "/replicas/tea.md", "# Tea\nThe oolong is steeped at 90 degrees for three minutes.\n");

    b.request()
        .queryParam("q", "oolong steeping temperature")
        .get("/api/search")
        .then()
        .statusCode(200)
        .body("additional.file", hasItem("/replicas/tea.md"));
    a.request().get("/api/v1/user").then().statusCode(200);
    b.request().get("/api/v1/user").then().statusCode(200);
  }

  @Test
  @Order(1)
  void aSignInSessionMadeOnOneWorksOnTheOther() {
    String session = given()
        .baseUri("http://127.0.0.1:" + a.port())
        .contentType("application/json")
        .body(Map.of("email", ADMIN, "password", ADMIN_PASSWORD))
        .post("/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .cookie("session");

    given()
        .baseUri("http://127.0.0.1:" + b.port())
        .cookie("session", session)
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", org.hamcrest.Matchers.equalTo(ADMIN));
    given()
        .baseUri("http://127.0.0.1:" + b.port())
        .cookie("session", "not-a-session")
        .get("/api/v1/user")
        .then()
        .statusCode(403);
  }

  @Test
  @Order(2)
  void theChatLimitIsOneBudgetAcrossBothServers() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < CHATS_PER_MINUTE + 3; i++) {
      Server server = i % 2 == 0 ? a : b;
      statuses.add(server
          .request()
          .contentType("application/json")
          .body(Map.of("q", "hello " + i))
          .post("/api/chat")
          .statusCode());
    }

    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(CHATS_PER_MINUTE);
    assertThat(statuses.stream().filter(s -> s == 429)).hasSize(3);
  }

  @Test
  @Order(3)
  void aTriggeredAutomationRunsOnceNotOncePerServer() throws Exception {
    String id = a.request()
        .queryParam("q", "what is on my tea list")
        .queryParam("crontime", "0 9 * * *")
        .queryParam("subject", "Replica tea")
        .post("/api/automation")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
    List<Map<String, Object>> sessions =
        b.request().get("/api/chat/sessions").then().statusCode(200).extract().path("$");
    String conversation = sessions.stream()
        .filter(s -> "Automation: Replica tea".equals(s.get("slug")))
        .map(s -> (String) s.get("conversation_id"))
        .findFirst()
        .orElseThrow();

    b.request()
        .queryParam("automation_id", id)
        .post("/api/automation/trigger")
        .then()
        .statusCode(200);

    Instant until = Instant.now().plus(Duration.ofMinutes(2));
    int messages = 0;
    while (Instant.now().isBefore(until) && messages < 2) {
      Thread.sleep(500);
      messages = messagesIn(conversation);
    }
    assertThat(messages).as("the run's question and answer").isEqualTo(2);
    // both replicas poll every 500 ms: had each run it, a second turn would be there by now
    Thread.sleep(3_000);
    assertThat(messagesIn(conversation)).isEqualTo(2);
  }

  private static int messagesIn(String conversation) {
    List<Object> chat = a.request()
        .queryParam("conversation_id", conversation)
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .extract()
        .path("response.chat");
    return chat == null ? 0 : chat.size();
  }

  @Test
  @Order(4)
  void stoppingOneServerLosesNoRequestOfTheOtherAndLeavesItsUploadWholeOrAbsent() throws Exception {
    StringBuilder big = new StringBuilder("# Rolling restart\n");
    for (int i = 0; i < 400; i++) {
      big.append("\n## Section ")
          .append(i)
          .append("\nParagraph ")
          .append(i)
          .append(" about replicas, graceful shutdown and whole transactions.\n");
    }
    CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> {
      Multipart notes =
          Multipart.files().add("/replicas/restart.md", "text/markdown", big.toString());
      try {
        return a.request()
            .contentType(notes.contentType())
            .body(notes.body())
            .patch("/api/content")
            .statusCode();
      } catch (Exception connectionClosed) { // cut by the stop: NoHttpResponseException
        return -1;
      }
    });
    AtomicInteger served = new AtomicInteger();
    List<Integer> failures = new ArrayList<>();
    Thread.sleep(300);
    a.process().destroy(); // SIGTERM: a graceful shutdown, as a rolling restart does
    Instant until = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(until)) {
      int status = b.request().queryParam("q", "oolong").get("/api/search").statusCode();
      if (status == 200) {
        served.incrementAndGet();
      } else {
        failures.add(status);
      }
    }
    assertThat(a.process().waitFor(60, TimeUnit.SECONDS)).as(a.logText()).isTrue();
    int uploadStatus = inFlight.get(60, TimeUnit.SECONDS);

    assertThat(failures).as("requests to the server still running").isEmpty();
    assertThat(uploadStatus).as("finished during the graceful stop, or cut").isIn(200, -1);
    assertThat(served.get()).isPositive();
    List<Object> files = b.request()
        .get("/api/content/files")
        .then()
        .statusCode(200)
        .extract()
        .path("files.file_name");
    List<Map<String, Object>> hits = b.request()
        .queryParam("q", "Paragraph 399 about replicas")
        .queryParam("n", "5")
        .get("/api/search")
        .then()
        .statusCode(200)
        .extract()
        .path("$");
    boolean indexed = files != null && files.contains("/replicas/restart.md");
    if (uploadStatus == 200) {
      assertThat(indexed).as("an acknowledged upload is kept").isTrue();
    }
    if (indexed) {
      // whole: the last section is there too, not just what was written before the stop
      assertThat(hits)
          .anySatisfy(h -> assertThat(h.get("entry").toString()).contains("Section 399"));
    } else {
      assertThat(hits)
          .noneSatisfy(h ->
              assertThat(String.valueOf(h.get("additional"))).contains("/replicas/restart.md"));
    }
  }
}
