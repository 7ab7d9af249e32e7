package io.khoj4j.bootstrap.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.persistence.out.search.BoundedConnections;
import io.khoj4j.adapter.persistence.out.search.SearchReads;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Searches read through at most twice the cores' connections at once (ADR 38): with every one of them taken, a
 * search waits, and answers as soon as one is given back.
 */
@QuarkusTest
class SearchConnectionsIT {

  @Inject
  @SearchReads
  DataSource searchReads;

  @Test
  void aSearchWaitsWhileEverySearchConnectionIsTakenAndAnswersWhenOneIsBack() throws Exception {
    TestUser user = TestUsers.create();
    user.index(Multipart.files()
        .add(
            "/notes/kiln.md",
            "text/markdown",
            "# Kiln\nFiring stoneware at cone six overnight.\n"));

    assertThat(searchReads).isInstanceOf(BoundedConnections.class);
    BoundedConnections bounded = (BoundedConnections) searchReads;
    int limit = 2 * Runtime.getRuntime().availableProcessors();
    assertThat(bounded.permits().availablePermits()).isEqualTo(limit);

    List<Connection> taken = new ArrayList<>();
    CompletableFuture<Response> search;
    try {
      for (int i = 0; i < limit; i++) {
        taken.add(searchReads.getConnection());
      }
      search = CompletableFuture.supplyAsync(() ->
          user.request().queryParam("q", "stoneware firing").get("/api/search").andReturn());
      Thread.sleep(500);
      assertThat(search).as("a search while every connection is taken").isNotDone();
    } finally {
      for (Connection c : taken) {
        c.close();
      }
    }
    Response answer = search.get(10, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.jsonPath().getString("[0].additional.file")).isEqualTo("/notes/kiln.md");
    assertThat(bounded.permits().availablePermits()).isEqualTo(limit);
  }
}
