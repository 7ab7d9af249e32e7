package io.khoj4j.bootstrap.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The token that {@code admin create-token} prints is one a client can use at once: the running server takes it
 * as the owner's credential (the command talks to the same database; {@link AdminCommandsIT} runs it as the
 * packaged application does).
 */
@QuarkusTest
class AdminTokenSignInIT {

  @Inject
  AdminCommands commands;

  private List<String> run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = commands.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(exit).as("exit code; standard error: %s", err).isZero();
    return out.toString().lines().toList();
  }

  @Test
  void thePrintedTokenSignsItsOwnerIn() {
    String email = "cli-" + UUID.randomUUID() + "@example.org";

    List<String> lines = run("admin", "create-token", "--email", email, "--name", "laptop");
    String token = lines.getLast();

    given()
        .header("Authorization", "Bearer " + token)
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo(email));
    given()
        .header("Authorization", "Bearer " + token)
        .when()
        .get("/auth/token")
        .then()
        .statusCode(200)
        .body("name", equalTo(List.of("laptop")));
  }

  @Test
  void aTokenForAnExistingAdministratorCarriesTheRole() {
    String email = "cli-admin-" + UUID.randomUUID() + "@example.org";
    run("admin", "create-user", "--email", email, "--admin");

    String token = run("admin", "create-token", "--email", email).getLast();

    given()
        .header("Authorization", "Bearer " + token)
        .when()
        .get("/api/admin/users?limit=1")
        .then()
        .statusCode(200);
  }
}
