package io.khoj4j.bootstrap.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorResponsesIT {

  @Test
  void unknownRouteIsJson404() {
    given().when().get("/api/no-such-route").then().statusCode(404)
        .contentType("application/json")
        .body("detail", equalTo("Not Found"));
  }

  @Test
  void wrongMethodIsJson405() {
    given().when().delete("/api/health").then().statusCode(405)
        .contentType("application/json")
        .body("detail", equalTo("Method Not Allowed"));
  }

  @Test
  void serverErrorHidesInternalsAndCarriesTheRequestId() {
    Response response = given().when().get("/test-only/failure");

    response.then().statusCode(500)
        .contentType("application/json")
        .body("detail", containsString("Internal Server Error"))
        .body("detail", not(containsString("secret")))
        .body("detail", not(containsString("IllegalStateException")))
        .body("request_id", notNullValue())
        .header("X-Request-Id", notNullValue());
    String id = response.jsonPath().getString("request_id");
    response.then().header("X-Request-Id", equalTo(id));
  }

  @Test
  void aCallersRequestIdIsKept() {
    given().header("X-Request-Id", "trace-1234abcd").when().get("/test-only/failure").then()
        .statusCode(500)
        .header("X-Request-Id", equalTo("trace-1234abcd"))
        .body("request_id", equalTo("trace-1234abcd"));
  }

  @Test
  void anUnsafeRequestIdIsReplaced() {
    given().header("X-Request-Id", "bad id\nwith newline").when().get("/test-only/failure").then()
        .statusCode(500)
        .header("X-Request-Id", not(containsString(" ")));
  }
}
