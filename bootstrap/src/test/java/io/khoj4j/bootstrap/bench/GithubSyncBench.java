package io.khoj4j.bootstrap.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * First sync and unchanged re-sync of a stubbed 2,000-file GitHub repository through the server's own routes
 * ({@code POST /api/content/github}, then {@code GET /api/update?t=github} twice). The stub answers GitHub's tree and
 * raw blob requests on 127.0.0.1; the server must point {@code khoj.connectors.github.api-url} at it. Run by
 * {@code bench/github-sync.sh}.
 *
 * <p>Arguments: server base URL, stub port, number of files.
 */
public final class GithubSyncBench {

  private static final String[] WORDS =
      ("garden compost tomato river mountain ledger invoice meeting recipe bread "
              + "sourdough bicycle repair kernel thread socket database index query vector cluster replica schedule "
              + "travel museum station ticket budget harvest winter spring autumn summer letter poem chapter")
          .split(" ");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int port = Integer.parseInt(args[1]);
    int count = Integer.parseInt(args[2]);
    WireMockServer github = new WireMockServer(
        options().bindAddress("127.0.0.1").port(port).containerThreads(16).disableRequestJournal());
    github.start();
    try {
      Random random = new Random(42);
      List<String> items = new ArrayList<>();
      long bytes = 0;
      for (int i = 0; i < count; i++) {
        String sha = "%040x".formatted(i + 1);
        String ext = i % 10 == 0 ? "org" : i % 10 == 1 ? "py" : "md";
        String path = "notes/dir" + (i % 40) + "/note" + i + "." + ext;
        String text = note(random, i, ext);
        bytes += text.length();
        items.add(
            "{\"path\":\"" + path + "\",\"mode\":\"100644\",\"type\":\"blob\",\"sha\":\"" + sha
                + "\",\"size\":" + text.length()
                + ",\"url\":\"https://api.github.com/repos/bench/notes/git/blobs/" + sha
                + "\"}");
        github.stubFor(get("/repos/bench/notes/git/blobs/" + sha)
            .willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.github.raw")
                .withBody(text)));
      }
      github.stubFor(get("/repos/bench/notes/git/trees/main?recursive=1")
          .willReturn(okJson("{\"sha\":\"" + "f".repeat(40) + "\",\"tree\":["
              + String.join(",", items) + "],\"truncated\":false}")));
      System.out.printf("stubbed repository: %d files, %.1f MB of text%n", count, bytes / 1e6);

      HttpClient http =
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      send(
          http,
          HttpRequest.newBuilder(URI.create(base + "/api/content/github"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"pat_token\":\"ghp_bench\",\"repos\":[{\"owner\":\"bench\",\"name\":\"notes\",\"branch\":\"main\"}]}"))
              .build());
      for (String run : List.of("first sync", "unchanged re-sync", "unchanged re-sync")) {
        long t0 = System.nanoTime();
        send(
            http,
            HttpRequest.newBuilder(URI.create(base + "/api/update?t=github"))
                .timeout(Duration.ofHours(2))
                .GET()
                .build());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %.1f s (%.0f files/s)%n", run, seconds, count / seconds);
      }
    } finally {
      github.stop();
    }
  }

  private static void send(HttpClient http, HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** About 150-250 words in a few sections, so a file is one to three chunks, as a typical note. */
  private static String note(Random random, int i, String ext) {
    StringBuilder out = new StringBuilder();
    int sections = 1 + random.nextInt(3);
    for (int s = 0; s < sections; s++) {
      String heading = "Note " + i + " part " + s;
      out.append(
              ext.equals("org")
                  ? "* " + heading
                  : ext.equals("py") ? "# " + heading : "## " + heading)
          .append("\n");
      int words = 60 + random.nextInt(60);
      for (int w = 0; w < words; w++) {
        out.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ".\n" : " ");
      }
      out.append("\n\n");
    }
    return out.toString();
  }
}
