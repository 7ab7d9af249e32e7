package io.khoj4j.bootstrap.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthIT {

  @Test
  void unauthenticatedPingAnswersOk() {
    given().when().get("/api/health").then().statusCode(200).body("detail", equalTo("OK"));
  }

  @Test
  void anUnknownBearerTokenIsStillJustAPing() {
    given()
        .header("Authorization", "Bearer nil")
        .when()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("detail", equalTo("OK"));
  }

  @Test
  void readinessIncludesTheDatabase() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Database connections health check"));
  }

  @org.junit.jupiter.api.Tag("security")
  @Test
  void openApiSwaggerUiAndMetricsAreServedToAdministratorsOnly() {
    var admin = io.khoj4j.bootstrap.testing.TestUsers.createAdmin();
    admin
        .request()
        .when()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("paths.'/api/health'", org.hamcrest.Matchers.notNullValue());
    admin.request().when().get("/q/swagger-ui/").then().statusCode(200);
    admin.request().when().get("/q/metrics").then().statusCode(200);

    var user = io.khoj4j.bootstrap.testing.TestUsers.create();
    for (String path : new String[] {"/q/openapi", "/q/swagger-ui/", "/q/metrics"}) {
      given().when().get(path).then().statusCode(org.hamcrest.Matchers.oneOf(401, 403));
      user.request().when().get(path).then().statusCode(403);
    }
  }
}
