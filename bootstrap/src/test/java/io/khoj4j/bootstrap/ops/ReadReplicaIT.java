package io.khoj4j.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Searches read a streaming hot standby ({@link StreamingStandby}) while writes go to the primary: with the standby's
 * replay paused, a note just written to the primary is not found, and is found once replay resumes; with the standby
 * down, searches fall back to the primary.
 */
@QuarkusTest
@QuarkusTestResource(value = StreamingStandby.class, restrictToAnnotatedClass = true)
@TestMethodOrder(OrderAnnotation.class)
class ReadReplicaIT {

  private static TestUser user;

  @Inject
  DataSource primary;

  private static Config config() {
    return ConfigProvider.getConfig();
  }

  private static int port() {
    return config().getValue(StreamingStandby.PORT, Integer.class);
  }

  @BeforeEach
  void needsAStandby() {
    Optional<String> unavailable =
        config().getOptionalValue(StreamingStandby.UNAVAILABLE, String.class);
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> "no standby: " + unavailable.orElse(""));
    if (user == null) {
      user = TestUsers.create();
    }
  }

  private static void upload(String file, String text) {
    Multipart notes = Multipart.files().add(file, "text/markdown", text);
    user.request()
        .contentType(notes.contentType())
        .body(notes.body())
        .patch("/api/content")
        .then()
        .statusCode(200);
  }

  private static List<String> found(String query) {
    return user.request()
        .queryParam("q", query)
        .get("/api/search")
        .then()
        .statusCode(200)
        .extract()
        .path("additional.file");
  }

  private static boolean eventuallyFound(String query, String file) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(until)) {
      if (found(query).contains(file)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static void onStandby(String sql) throws Exception {
    try (Connection c = StreamingStandby.connect(port());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private int entriesOnPrimary(String file) throws Exception {
    try (Connection c = primary.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from entries where file_path = ?")) {
      ps.setString(1, file);
      try (ResultSet r = ps.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  @Test
  @Order(1)
  void searchesReadTheStandbyWhileWritesGoToThePrimary() throws Exception {
    upload("/replica/tea.md", "# Tea\nThe oolong is steeped at ninety degrees.\n");
    assertThat(eventuallyFound("oolong steeped", "/replica/tea.md"))
        .as("replayed on the standby")
        .isTrue();

    onStandby("select pg_wal_replay_pause()");
    try {
      upload("/replica/coffee.md", "# Coffee\nThe espresso grinder is set to eleven.\n");

      assertThat(entriesOnPrimary("/replica/coffee.md"))
          .as("written to the primary")
          .isPositive();
      assertThat(found("espresso grinder setting"))
          .as("searched on the standby, whose replay is paused")
          .doesNotContain("/replica/coffee.md");
    } finally {
      onStandby("select pg_wal_replay_resume()");
    }
    assertThat(eventuallyFound("espresso grinder setting", "/replica/coffee.md"))
        .isTrue();
  }

  @Test
  @Order(2)
  void aStandbyThatIsDownIsPassedOverAndSearchesReadThePrimary() throws Exception {
    StreamingStandby.halt(Path.of(config().getValue(StreamingStandby.DIR, String.class)));

    assertThat(found("espresso grinder setting")).contains("/replica/coffee.md");
    upload("/replica/cocoa.md", "# Cocoa\nThe cocoa is whisked with oat milk.\n");
    assertThat(found("cocoa whisked oat milk")).contains("/replica/cocoa.md");
  }
}
