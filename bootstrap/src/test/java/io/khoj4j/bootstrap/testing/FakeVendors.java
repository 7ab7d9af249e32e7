package io.khoj4j.bootstrap.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One local WireMock standing in for GitHub's and Notion's APIs (tests stub their real answers on it). Background jobs
 * are off in this profile, so only what a test triggers talks to the stubs.
 */
public final class FakeVendors implements QuarkusTestResourceLifecycleManager {

  public static volatile WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return Map.of(
        "khoj.connectors.github.api-url", server.baseUrl(),
        "khoj.connectors.notion.api-url", server.baseUrl(),
        "khoj.connectors.notion.min-interval", "0s",
        "khoj.connectors.max-rate-limit-wait", "0s",
        "khoj.connectors.attempts", "1",
        "khoj.connectors.notion.oauth.client-id", "notion-client",
        "khoj.connectors.notion.oauth.client-secret", "notion-secret",
        "khoj.connectors.notion.oauth.redirect-uri",
            "https://khoj.example/api/notion/auth/callback",
        "khoj.jobs.enabled", "false");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
