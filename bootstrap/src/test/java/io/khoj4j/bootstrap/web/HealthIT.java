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
    given().header("Authorization", "Bearer nil").when().get("/api/health").then().statusCode(200)
        .body("detail", equalTo("OK"));
  }

  @Test
  void readinessIncludesTheDatabase() {
    given().when().get("/q/health/ready").then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Database connections health check"));
  }

  @Test
  void openApiAndSwaggerUiAreServed() {
    given().when().get("/q/openapi?format=json").then().statusCode(200)
        .body("paths.'/api/health'", org.hamcrest.Matchers.notNullValue());
    given().when().get("/q/swagger-ui/").then().statusCode(200);
  }
}
