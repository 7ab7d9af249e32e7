package io.khoj4j.bootstrap.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.khoj4j.bootstrap.testing.ChatSocketFrames;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Usage limits switched on without billing (a family server that wants caps): every user is premium, so the premium
 * numbers apply; they are set small here. Each test uses fresh users, whose counters start at zero.
 */
@QuarkusTest
@TestProfile(UsageLimitsIT.SmallLimits.class)
class UsageLimitsIT {

  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "khoj.limits.enabled", "true",
          "khoj.limits.premium.chat-per-minute", "4",
          "khoj.limits.premium.chat-per-day", "6",
          "khoj.limits.premium.research-per-day", "1",
          "khoj.limits.premium.images-per-message", "1",
          "khoj.limits.premium.image-megabytes-per-message", "1",
          "khoj.limits.premium.upload-megabytes-per-request", "1",
          "khoj.limits.premium.indexed-megabytes", "1",
          "khoj.limits.premium.web-socket-connections", "2");
    }
  }

  static final String DAILY_REFUSAL =
      "I'm glad you're enjoying interacting with me! You've unfortunately exceeded"
          + " your usage limit for today. But let's chat more tomorrow?";

  @BeforeEach
  void noModel() {
    // Answers come from the fixed "no model" path: quick, and the limits are what is tested.
    FakeOpenAi.removeAllModels(TestUsers.createAdmin());
  }

  private static Response chat(TestUser user, String q) {
    return user.request().contentType("application/json").body(Map.of("q", q)).post("/api/chat");
  }

  @Test
  void theMessageAfterTheLimitIs429WithKhojsWordsAndOtherUsersAreUntouched() {
    TestUser alice = TestUsers.create();
    TestUser bob = TestUsers.create();
    for (int i = 0; i < 4; i++) {
      chat(alice, "hello " + i).then().statusCode(200);
    }

    chat(alice, "one more")
        .then()
        .statusCode(429)
        .contentType("application/json")
        .body("detail", equalTo(DAILY_REFUSAL));
    chat(bob, "hello").then().statusCode(200);
    RestAssured.given()
        .contentType("application/json")
        .body(Map.of("q", "hi"))
        .post("/api/chat")
        .then()
        .statusCode(403);
    alice.request().get("/api/chat/stats").then().body("num_conversations", equalTo(1));
  }

  @Test
  void withoutBillingTheSubscriptionRoutesAreNotServedAndEveryoneIsPremium() {
    TestUser user = TestUsers.create();

    RestAssured.given()
        .contentType("application/json")
        .header("stripe-signature", "t=1,v1=00")
        .body("{}")
        .post("/api/subscription")
        .then()
        .statusCode(404);
    user.request().patch("/api/subscription?operation=cancel").then().statusCode(404);
    user.request()
        .get("/api/settings?detailed=true")
        .then()
        .body("subscription_state", equalTo("subscribed"))
        .body("is_active", equalTo(true))
        .body("billing_enabled", equalTo(false));
  }

  @Test
  void aMalformedMessageSpendsNothing() {
    TestUser user = TestUsers.create();
    for (int i = 0; i < 6; i++) {
      user.request()
          .contentType("application/json")
          .body("{\"n\":3}")
          .post("/api/chat")
          .then()
          .statusCode(422);
    }
    chat(user, "still allowed").then().statusCode(200);
  }

  @Test
  void parallelMessagesAtTheLimitAdmitExactlyTheLimit() throws Exception {
    TestUser user = TestUsers.create();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String q = "parallel " + i;
        calls.add(() -> chat(user, q).statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get());
      }
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(4);
      assertThat(statuses).filteredOn(s -> s == 429).hasSize(8);
    } finally {
      pool.shutdownNow();
    }
  }

  @jakarta.inject.Inject
  jakarta.persistence.EntityManager em;

  @jakarta.inject.Inject
  io.khoj4j.application.service.usage.UsageLimits limits;

  @jakarta.inject.Inject
  io.khoj4j.application.service.subscription.Tiers tiers;

  @jakarta.inject.Inject
  io.khoj4j.application.port.out.ratelimit.IndexSpace space;

  /**
   * A second replica: its own limiter and use case, built apart from the server's beans, on the same database. The
   * budget the server spent over HTTP is the one it sees, and what it spends the server sees.
   */
  @Test
  void aSecondReplicaOnTheSameDatabaseSharesTheBudget() {
    TestUser user = TestUsers.create();
    var replica = new io.khoj4j.application.service.usage.AdmitUsageService(
        limits,
        tiers,
        new io.khoj4j.adapter.persistence.out.ratelimit.PgRateLimiter(
            em, java.time.Clock.systemUTC()),
        space);
    var message = new io.khoj4j.application.port.in.usage.AdmitUsageCommand.ChatMessage(
        user.id(), io.khoj4j.application.port.in.usage.AdmitUsageCommand.Channel.HTTP, 0, 0);
    chat(user, "on the server").then().statusCode(200);
    chat(user, "on the server again").then().statusCode(200);

    replica.admit(message);
    replica.admit(message);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> replica.admit(message))
        .isInstanceOf(io.khoj4j.application.error.QuotaExceededException.class);
    chat(user, "back on the server").then().statusCode(429).body("detail", equalTo(DAILY_REFUSAL));
  }

  @Test
  void tooManyImagesIsRefusedBeforeAnythingIsCounted() {
    TestUser user = TestUsers.create();
    String image = "data:image/png;base64,AAAA";

    user.request()
        .contentType("application/json")
        .body(Map.of("q", "look", "images", List.of(image, image)))
        .post("/api/chat")
        .then()
        .statusCode(429)
        .body(
            "detail",
            equalTo(
                "Those are way too many images for me! I can handle up to 1 images per message."));
    for (int i = 0; i < 4; i++) {
      chat(user, "hello " + i).then().statusCode(200);
    }
  }

  @Test
  void researchBeyondItsDailyBudgetIsAnsweredWithTheRefusal() {
    TestUser user = TestUsers.create();
    chat(user, "/research the history of tea").then().statusCode(200);

    // the command in any case is research, as the turn reads it, and so is refused too
    for (String q : List.of("/research the history of coffee", "/RESEARCH the history of coffee")) {
      chat(user, q)
          .then()
          .statusCode(200)
          .body(
              "response",
              equalTo(
                  "I'm glad you're enjoying interacting with me! You've unfortunately exceeded"
                      + " your `/research` command usage limit for today. But let's chat more tomorrow?"));
    }
  }

  @Test
  void anUploadAtTheRequestLimitIs429AndIndexesNothing() {
    TestUser user = TestUsers.create();
    byte[] big = "word ".repeat(220_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Multipart body = Multipart.files().add("big.md", "text/markdown", big);

    user.request()
        .contentType(body.contentType())
        .body(body.body())
        .patch("/api/content")
        .then()
        .statusCode(429)
        .body("detail", equalTo("Too much data indexed."));
    user.request().get("/api/content/files").then().statusCode(200);
    Multipart small = Multipart.files().add("small.md", "text/markdown", "# Small\nfits\n");
    user.request()
        .contentType(small.contentType())
        .body(small.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
    assertThat(user.request().get("/api/content/files").asString())
        .contains("small.md")
        .doesNotContain("big.md");
  }

  @jakarta.inject.Inject
  io.khoj4j.application.port.in.usage.AdmitUsageUseCase usage;

  @jakarta.inject.Inject
  io.khoj4j.application.port.in.usage.ReleaseUploadUseCase releaseUpload;

  /**
   * The index-size check under concurrency, with the server's own beans on PostgreSQL: twelve uploads of 300,000 bytes
   * admitted at once against a 1 MiB index (none released, as while they are still being indexed) let in exactly the
   * three that fit, and the rest get the contract's words.
   */
  @Test
  void parallelUploadsAtTheIndexLimitAdmitExactlyWhatFits() throws Exception {
    TestUser user = TestUsers.create();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<String> outcomes = new ArrayList<>();
    try {
      List<Callable<String>> uploads = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String id = "parallel-" + i;
        uploads.add(() -> {
          try {
            usage.admit(new io.khoj4j.application.port.in.usage.AdmitUsageCommand.Upload(
                user.id(), id, 300_000));
            return "admitted " + id;
          } catch (io.khoj4j.application.error.QuotaExceededException e) {
            return e.getMessage();
          }
        });
      }
      for (Future<String> f : pool.invokeAll(uploads)) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).filteredOn(o -> o.startsWith("admitted ")).hasSize(3);
      assertThat(outcomes).filteredOn("Too much data indexed."::equals).hasSize(9);
    } finally {
      pool.shutdownNow();
    }
    // which three got in is up to the race: give one of those back (releasing a refused one would
    // free nothing)
    String admitted = outcomes.stream()
        .filter(o -> o.startsWith("admitted "))
        .findFirst()
        .orElseThrow()
        .substring("admitted ".length());
    releaseUpload.release(
        new io.khoj4j.application.port.in.usage.ReleaseUploadUseCase.ReleaseUploadCommand(
            user.id(), admitted));
    usage.admit(new io.khoj4j.application.port.in.usage.AdmitUsageCommand.Upload(
        user.id(), "after", 300_000));
  }

  /** An upload's reservation is given back when it is done, even when its file is refused. */
  @Test
  void anUploadGivesItsReservedSpaceBackWhenDone() {
    TestUser user = TestUsers.create();
    byte[] rubbish = new byte[600_000];
    for (int i = 0; i < 2; i++) {
      Multipart body = Multipart.files().add("scan-" + i + ".pdf", "application/pdf", rubbish);
      user.request()
          .contentType(body.contentType())
          .body(body.body())
          .patch("/api/content")
          .then()
          .statusCode(200);
    }
  }

  private static String image(int decodedBytes) {
    return "data:image/png;base64,"
        + java.util.Base64.getEncoder().encodeToString(new byte[decodedBytes]);
  }

  @Test
  void imagesAtTheSizeLimitPassAndOneByteMoreIsRefusedWithKhojsWords() {
    TestUser user = TestUsers.create();
    user.request()
        .contentType("application/json")
        .body(Map.of("q", "look", "images", List.of(image(1 << 20))))
        .post("/api/chat")
        .then()
        .statusCode(200);

    user.request()
        .contentType("application/json")
        .body(Map.of("q", "look", "images", List.of(image((1 << 20) + 1))))
        .post("/api/chat")
        .then()
        .statusCode(429)
        .contentType("application/json")
        .body(
            "detail",
            equalTo(
                "Those images are way too large for me! I can handle up to 1MB of images per message."));
  }

  @Test
  void imagesOverTheLimitOnTheSocketGetTheErrorFrame() throws Exception {
    TestUser user = TestUsers.create();
    ChatSocketFrames frames = new ChatSocketFrames();
    WebSocket ws = frames.connect(user.token(), "http://localhost:42110");
    String one = image(3);
    ws.sendText("{\"q\":\"two pictures\",\"images\":[\"" + one + "\",\"" + one + "\"]}", true)
        .join();
    await(() -> frames.has("\"error\""));
    ws.sendText("{\"q\":\"one picture\",\"images\":[\"" + one + "\"]}", true).join();
    await(() -> frames.has("\"end_llm_response\"") || frames.has("end_response"));

    assertThat(frames.frames)
        .contains(
            "{\"error\":\"Those are way too many images for me! I can handle up to 1 images per message.\"}");
    assertThat(frames.frames).filteredOn(f -> f.contains("\"error\"")).hasSize(1);
    ws.abort();
  }

  private static void await(BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
  }

  /** Whether the socket was let in: an admitted one answers a frame that is not JSON, a refused one is closed. */
  private static boolean admitted(ChatSocketFrames frames, WebSocket ws)
      throws InterruptedException {
    if (!frames.closed.isDone()) {
      ws.sendText("not json", true).exceptionally(e -> null);
    }
    await(() -> frames.closed.isDone() || frames.has("Messages must be JSON"));
    return frames.has("Messages must be JSON");
  }

  @Test
  void webSocketConnectionsAreCappedAndFreedOnClose() throws Exception {
    TestUser user = TestUsers.create();
    TestUser other = TestUsers.create();
    ChatSocketFrames first = new ChatSocketFrames();
    ChatSocketFrames second = new ChatSocketFrames();
    ChatSocketFrames third = new ChatSocketFrames();
    WebSocket one = first.connect(user.token(), "http://localhost:42110");
    assertThat(admitted(first, one)).isTrue();
    WebSocket two = second.connect(user.token(), "http://localhost:42110");
    assertThat(admitted(second, two)).isTrue();
    third.connect(user.token(), "http://localhost:42110");

    assertThat(third.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    assertThat(third.closeReason).isEqualTo("Connection limit exceeded");
    ChatSocketFrames others = new ChatSocketFrames();
    assertThat(admitted(others, others.connect(other.token(), "http://localhost:42110")))
        .as("another user's places are their own")
        .isTrue();

    one.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
    first.closed.get(10, TimeUnit.SECONDS);
    // The server gives the place back when it sees the close; retry until it has.
    ChatSocketFrames fourth = new ChatSocketFrames();
    for (int i = 0; i < 50; i++) {
      fourth = new ChatSocketFrames();
      if (admitted(fourth, fourth.connect(user.token(), "http://localhost:42110"))) {
        break;
      }
    }
    assertThat(fourth.has("Messages must be JSON"))
        .as("a freed place can be taken again")
        .isTrue();
  }

  @Test
  void aSocketMessageBeyondTheLimitGetsTheErrorFrame() throws Exception {
    TestUser user = TestUsers.create();
    for (int i = 0; i < 4; i++) {
      chat(user, "http " + i).then().statusCode(200);
    }
    ChatSocketFrames frames = new ChatSocketFrames();
    WebSocket ws = frames.connect(user.token(), "http://localhost:42110");
    ws.sendText("{\"q\":\"over the minute\"}", true).join();
    await(() -> frames.has("\"error\""));

    assertThat(frames.frames)
        .contains("{\"error\":\"I'm glad you're enjoying interacting with me! You've"
            + " unfortunately exceeded your usage limit for now. But let's chat more in a bit?\"}");
    ws.abort();
  }
}
