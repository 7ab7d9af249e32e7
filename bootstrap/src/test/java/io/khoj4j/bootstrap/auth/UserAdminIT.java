package io.khoj4j.bootstrap.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The administrator's user routes: role-checked, and every action takes effect at once. */
@QuarkusTest
class UserAdminIT {

  @Test
  void onlyAdministratorsReachTheRoutes() {
    TestUser user = TestUsers.create();

    given()
        .when()
        .get("/api/admin/users")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    user.request()
        .when()
        .get("/api/admin/users")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    user.request()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"x@example.org\",\"is_admin\":true}")
        .when()
        .post("/api/admin/users")
        .then()
        .statusCode(403);
    user.request()
        .when()
        .post("/api/admin/users/" + user.id() + "/tokens")
        .then()
        .statusCode(403);
  }

  @Test
  void anAdministratorCreatesAUserAndIssuesATokenThatWorksAtOnce() {
    TestUser admin = TestUsers.createAdmin();
    String email = "made-" + UUID.randomUUID() + "@example.org";

    String id = admin
        .request()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + email.toUpperCase() + "\"}")
        .when()
        .post("/api/admin/users")
        .then()
        .statusCode(201)
        .body("email", equalTo(email))
        .body("is_admin", equalTo(false))
        .extract()
        .path("id");
    org.assertj.core.api.Assertions.assertThat(TestUsers.listedId(admin, email)).isEqualTo(id);

    String token = admin
        .request()
        .queryParam("token_name", "laptop")
        .when()
        .post("/api/admin/users/" + id + "/tokens")
        .then()
        .statusCode(201)
        .body("token", startsWith("kk-"))
        .body("user_id", equalTo(id))
        .extract()
        .path("token");
    given()
        .header("Authorization", "Bearer " + token)
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo(email));

    String shown = admin
        .request()
        .when()
        .get("/api/admin/users/" + id + "/tokens")
        .then()
        .statusCode(200)
        .body("name", hasItem("laptop"))
        .body("token", not(hasItem(token)))
        .extract()
        .path("find { it.name == 'laptop' }.token");
    admin
        .request()
        .queryParam("token", shown)
        .when()
        .delete("/api/admin/users/" + id + "/tokens")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", "Bearer " + token)
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(403);
  }

  @Test
  void deletingAUserEndsTheirAccessAndData() {
    TestUser admin = TestUsers.createAdmin();
    TestUser doomed = TestUsers.create();

    admin
        .request()
        .when()
        .delete("/api/admin/users/" + doomed.id())
        .then()
        .statusCode(200)
        .body("status", equalTo("ok"));

    doomed.request().when().get("/api/v1/user").then().statusCode(403);
    admin
        .request()
        .when()
        .get("/api/admin/users/" + doomed.id() + "/tokens")
        .then()
        .statusCode(404);
  }

  @Test
  void badInputIsRefusedClearly() {
    TestUser admin = TestUsers.createAdmin();

    admin
        .request()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"not an address\"}")
        .when()
        .post("/api/admin/users")
        .then()
        .statusCode(422);
    admin
        .request()
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/admin/users")
        .then()
        .statusCode(422);
    admin.request().when().get("/api/admin/users/not-a-uuid/tokens").then().statusCode(404);
    admin
        .request()
        .when()
        .get("/api/admin/users/" + UUID.randomUUID() + "/tokens")
        .then()
        .statusCode(404);
    admin.request().queryParam("limit", 0).when().get("/api/admin/users").then().statusCode(422);
    admin.request().when().delete("/api/admin/users/" + admin.id()).then().statusCode(409);
    admin.request().when().get("/api/v1/user").then().statusCode(200);
  }
}
