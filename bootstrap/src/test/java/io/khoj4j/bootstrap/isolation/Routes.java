package io.khoj4j.bootstrap.isolation;

import io.khoj4j.bootstrap.testing.TestUsers;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every HTTP route the running server exposes, as "METHOD /path/{param}", read from its OpenAPI document. */
final class Routes {

  private Routes() {}

  /** Read as an administrator: the OpenAPI document is an operator endpoint. */
  static Set<String> all() {
    Map<String, Map<String, Object>> paths = TestUsers.createAdmin()
        .request()
        .queryParam("format", "json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .extract()
        .path("paths");
    Set<String> routes = new TreeSet<>();
    paths.forEach((path, operations) -> {
      if (!path.startsWith("/test-only/")) { // resources compiled into the test build only
        operations.keySet().forEach(m -> routes.add(m.toUpperCase() + " " + path));
      }
    });
    return routes;
  }
}
