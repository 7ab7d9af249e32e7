package io.khoj4j.bootstrap.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.khoj4j.bootstrap.testing.CapturedLog;
import io.khoj4j.bootstrap.testing.FailingRoute;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorResponsesIT {

  @Test
  void unknownRouteIsJson404() {
    given()
        .when()
        .get("/api/no-such-route")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("detail", equalTo("Not Found"));
  }

  @Test
  void wrongMethodIsJson405() {
    given()
        .when()
        .delete("/api/health")
        .then()
        .statusCode(405)
        .contentType("application/json")
        .body("detail", equalTo("Method Not Allowed"));
  }

  @Test
  void serverErrorHidesInternalsAndCarriesTheRequestId() {
    Response response = given().when().get("/test-only/failure");

    response
        .then()
        .statusCode(500)
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
    given()
        .header("X-Request-Id", "trace-1234abcd")
        .when()
        .get("/test-only/failure")
        .then()
        .statusCode(500)
        .header("X-Request-Id", equalTo("trace-1234abcd"))
        .body("request_id", equalTo("trace-1234abcd"));
  }

  @Test
  void anUnsafeRequestIdIsReplaced() {
    given()
        .header("X-Request-Id", "bad id\nwith newline")
        .when()
        .get("/test-only/failure")
        .then()
        .statusCode(500)
        .header("X-Request-Id", not(containsString(" ")));
  }

  @Test
  void theLogLineOfAServerErrorCarriesTheRequestIdTheClientReceives() {
    try (CapturedLog log = CapturedLog.of("io.khoj4j.adapter.web.error.ErrorMappers")) {
      Response response = given().when().get("/test-only/failure");

      String id = response.jsonPath().getString("request_id");
      assertThat(id).isNotBlank().isEqualTo(response.header("X-Request-Id"));
      assertThat(log.lines()).singleElement().satisfies(line -> {
        assertThat(line.level().intValue()).isGreaterThanOrEqualTo(Level.SEVERE.intValue());
        assertThat(line.requestId()).isEqualTo(id);
        assertThat(line.message()).contains("500").contains(id);
        assertThat(line.thrown())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("secret");
      });
    }
  }

  @Test
  void aFailingRouteOutsideRestIsJson500WithoutInternals() {
    try (CapturedLog log = CapturedLog.of("io.khoj4j.adapter.web.error.RouteFailures")) {
      Response response = given().when().get(FailingRoute.PATH);

      response
          .then()
          .statusCode(500)
          .contentType("application/json")
          .body("detail", containsString("Internal Server Error"))
          .body("detail", not(containsString("secret")))
          .body("detail", not(containsString("IllegalStateException")))
          .body("stack", nullValue())
          .body("request_id", notNullValue());
      String id = response.jsonPath().getString("request_id");
      response.then().header("X-Request-Id", equalTo(id));
      assertThat(log.lines()).singleElement().satisfies(line -> {
        assertThat(line.level().intValue()).isGreaterThanOrEqualTo(Level.SEVERE.intValue());
        assertThat(line.requestId()).isEqualTo(id);
        assertThat(line.message()).contains(id).contains(FailingRoute.PATH);
        assertThat(line.thrown()).isInstanceOf(IllegalStateException.class);
      });
    }
  }

  @Test
  void aRouteOutsideRestThatRefusesWithABareStatusIsJson() {
    given()
        .when()
        .get(FailingRoute.REFUSING_PATH)
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body("detail", equalTo("Bad Request"))
        .body("request_id", nullValue())
        .header("X-Request-Id", notNullValue());
  }

  @Test
  void aBodyOverTheLimitIsJson413() throws IOException {
    MemorySize limit =
        ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class);
    String head =
        "POST /api/content HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
            + "Content-Length: " + (limit.asLongValue() + 1) + "\r\nConnection: close\r\n\r\n";

    String answer = exchange(head + "the declared length alone is over the limit");

    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer.toLowerCase())
        .contains("content-type: application/json")
        .contains("x-request-id: ");
    assertThat(answer).endsWith("{\"detail\":\"Request Entity Too Large\"}");
  }

  /** Sends raw bytes (a request no HTTP client library would send) and reads until the server closes. */
  private static String exchange(String request) throws IOException {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          answer.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException keptOpen) {
        // the answer is complete; the server merely kept the connection
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
