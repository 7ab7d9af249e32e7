package io.khoj4j.bootstrap.testing;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test-only Vert.x routes outside Quarkus REST, so no exception mapper sees what they do: one fails the way a bug
 * would, one refuses its request with a bare status the way Vert.x handlers do.
 */
@ApplicationScoped
public class FailingRoute {

  public static final String PATH = "/test-only/route-failure";
  public static final String REFUSING_PATH = "/test-only/route-refusal";

  void register(@Observes Router router) {
    router.get(PATH).order(-10).handler(context -> {
      throw new IllegalStateException("secret route detail that must not reach the client");
    });
    router.get(REFUSING_PATH).order(-10).handler(context -> context.fail(400));
  }
}
