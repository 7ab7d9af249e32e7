package io.khoj4j.bootstrap.isolation;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every HTTP route the running server exposes, as "METHOD /path/{param}", read from its OpenAPI document. */
final class Routes {

  private Routes() {}

  static Set<String> all() {
    Map<String, Map<String, Object>> paths =
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().path("paths");
    Set<String> routes = new TreeSet<>();
    paths.forEach((path, operations) -> {
      if (!path.startsWith("/test-only/")) { // resources compiled into the test build only
        operations.keySet().forEach(m -> routes.add(m.toUpperCase() + " " + path));
      }
    });
    return routes;
  }
}
