package io.khoj4j.bootstrap.testing;

import static io.restassured.RestAssured.given;

import io.khoj4j.application.port.in.token.CreateApiTokenCommand;
import io.khoj4j.application.port.in.token.CreateApiTokenUseCase;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import io.quarkus.arc.Arc;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * Accounts for integration tests, made the way an operator would: through the use cases, with a fresh random
 * e-mail so tests never collide and never depend on each other's data.
 */
public final class TestUsers {

  private TestUsers() {}

  /** A user with an API token, and a REST Assured request already carrying it. */
  public record TestUser(UserId id, String email, String token) {

    public RequestSpecification request() {
      return given().header("Authorization", "Bearer " + token);
    }

    /** POSTs {@code body} as JSON to {@code path} (an administrator's route), expecting 201; the new item's id. */
    public String created(String path, java.util.Map<String, ?> body) {
      Object id = request()
          .contentType("application/json")
          .body(body)
          .post(path)
          .then()
          .statusCode(201)
          .extract()
          .path("id");
      return String.valueOf(id);
    }

    /** A new conversation of this user's ({@code POST /api/chat/sessions}), expecting 200; its id. */
    public String newConversation() {
      return request()
          .post("/api/chat/sessions")
          .then()
          .statusCode(200)
          .extract()
          .path("conversation_id");
    }

    /** Pushes {@code files} to this user's index the way Khoj's clients do ({@code PATCH /api/content}), expecting 200. */
    public void index(Multipart files) {
      request()
          .contentType(files.contentType())
          .body(files.body())
          .patch("/api/content")
          .then()
          .statusCode(200);
    }
  }

  public static TestUser create() {
    return create(false);
  }

  /**
   * The id under which {@code GET /api/admin/users} lists the account with this e-mail, paging through every
   * account (the test database holds those of every test run before), or null when none is listed.
   */
  public static String listedId(TestUser admin, String email) {
    for (int offset = 0; ; offset += 500) {
      java.util.List<java.util.Map<String, Object>> page = admin
          .request()
          .queryParam("offset", offset)
          .queryParam("limit", 500)
          .get("/api/admin/users")
          .then()
          .statusCode(200)
          .extract()
          .path("$");
      if (page.isEmpty()) {
        return null;
      }
      for (java.util.Map<String, Object> user : page) {
        if (email.equals(user.get("email"))) {
          return (String) user.get("id");
        }
      }
    }
  }

  public static TestUser createAdmin() {
    return create(true);
  }

  private static TestUser create(boolean admin) {
    String email = "user-" + UUID.randomUUID() + "@example.org";
    User user = Arc.container()
        .instance(ProvisionUserUseCase.class)
        .get()
        .provision(new ProvisionUserCommand(email, null, admin, true));
    String token = Arc.container()
        .instance(CreateApiTokenUseCase.class)
        .get()
        .create(new CreateApiTokenCommand(user.id(), "test"))
        .secret();
    return new TestUser(user.id(), email, token);
  }
}
