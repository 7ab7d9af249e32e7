package io.khoj4j.bootstrap.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import io.khoj4j.bootstrap.testing.Browsers;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The web client's page weight and its time from send to first answer token, run only when asked
 * ({@code bench/web.sh}, i.e. {@code -Dkhoj4j.bench.web=<report file> -Dtest=WebClientBenchIT}). Page weight: bytes
 * a fresh browser receives loading each page (bodies as sent plus headers). Time to first token: from pressing
 * Enter in the chat page (loaded, the message typed) to the first answer text shown, against a stub model that
 * answers at once, and, in the same run, from sending {@code POST /api/chat} directly, or a frame on an open
 * WebSocket, to the first answer bytes read — the ratio is what the browser client adds. No assertion on times: the figures go to the report.
 */
@QuarkusTest
@Tag("browser")
@EnabledIfSystemProperty(named = "khoj4j.bench.web", matches = ".+")
class WebClientBenchIT {

  private static final int TURNS = 15;
  private static final String FIRST_WORDS = "Zebras walk north";
  private static final int TYPING_MS = 300;

  @TestHTTPResource("/")
  URL base;

  @Test
  void pageWeightAndTimeToFirstToken() throws Exception {
    FakeOpenAi openAi = new FakeOpenAi().start();
    try {
      openAi.configureAsDefault(TestUsers.createAdmin());
      openAi.script(
          FIRST_WORDS + " every July; the river crossing is the hardest part.", "Zebras", "zebras");
      TestUser user = TestUsers.create();
      StringBuilder report = new StringBuilder();
      report.append("| page | requests | KB received (fresh browser) |\n|---|---|---|\n");
      for (String page : List.of("/chat", "/search", "/settings", "/agents", "/automations")) {
        report.append(weight(user, page, false));
      }
      report.append(weight(user, "/login", true));

      List<Long> browser = browserTurns(user);
      List<Long> direct = directTurns(user);
      List<Long> socket = socketTurns(user);
      report
          .append("\n| time to first answer token | p50 ms | p90 ms |\n|---|---|---|\n")
          .append(row("browser: Enter → first text shown", browser))
          .append(row("POST /api/chat → first answer bytes", direct))
          .append(row("WebSocket /api/chat/ws (open) → first answer frame", socket))
          .append(String.format(
              Locale.ROOT,
              "\nbrowser / direct at p50: %.2f× (%d turns each)\n",
              (double) percentile(browser, 50) / Math.max(1, percentile(direct, 50)),
              TURNS));
      Files.writeString(Path.of(System.getProperty("khoj4j.bench.web")), report.toString());
      System.out.println(report);
    } finally {
      openAi.stop();
    }
  }

  private String weight(TestUser user, String path, boolean signedOut) {
    AtomicLong bytes = new AtomicLong();
    List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    try (BrowserContext context =
        signedOut ? Browsers.visitor(base) : Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.onRequestFinished(request -> {
        requests.add(request);
        var sizes = request.sizes();
        bytes.addAndGet(
            Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize));
      });
      page.navigate(path);
      assertThat(page.locator("main h1").first()).isVisible();
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    }
    return String.format(
        Locale.ROOT, "| `%s` | %d | %.1f |%n", path, requests.size(), bytes.get() / 1024.0);
  }

  private List<Long> browserTurns(TestUser user) {
    List<Long> millis = new ArrayList<>();
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      for (int i = 0; i <= TURNS; i++) {
        page.navigate("/chat");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.getByLabel("Message").fill("Where do the zebras go? (" + i + ")");
        page.waitForTimeout(
            TYPING_MS); // the time a person takes to type: the socket opens meanwhile
        Object elapsed = page.evaluate("""
            ([first]) => new Promise(resolve => {
              const input = document.getElementById('chat-input');
              const started = performance.now();
              const seen = () => [...document.querySelectorAll('.msg.khoj')]
                  .some(m => m.textContent.includes(first));
              const observer = new MutationObserver(() => {
                if (seen()) { observer.disconnect(); resolve(performance.now() - started); }
              });
              observer.observe(document.body, {subtree: true, childList: true, characterData: true});
              input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
            })
            """, List.of(FIRST_WORDS.split(" ")[0]));
        assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
        if (i > 0) { // the first turn warms the page's modules and the server's paths
          millis.add(Math.round(((Number) elapsed).doubleValue()));
        }
      }
    }
    return millis;
  }

  private List<Long> directTurns(TestUser user) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i <= TURNS; i++) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/chat?client=bench"))
          .header("Authorization", "Bearer " + user.token())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"q\":\"Where do the zebras go? (" + i + ")\",\"stream\":true}"))
          .build();
      long started = System.nanoTime();
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      long firstToken = -1;
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        int c;
        StringBuilder seen = new StringBuilder();
        while ((c = reader.read()) >= 0) {
          seen.append((char) c);
          if (firstToken < 0 && seen.indexOf(FIRST_WORDS.split(" ")[0]) >= 0) {
            firstToken = System.nanoTime();
          }
        }
      }
      if (i > 0 && firstToken > 0) {
        millis.add((firstToken - started) / 1_000_000);
      }
    }
    return millis;
  }

  /** The browser's protocol without the browser: a Java WebSocket client, connected before each turn is timed. */
  private List<Long> socketTurns(TestUser user) throws Exception {
    List<Long> millis = new ArrayList<>();
    String first = FIRST_WORDS.split(" ")[0];
    String session = io.quarkus.arc.Arc.container()
        .instance(io.khoj4j.application.port.in.auth.WebSessionUseCase.class)
        .get()
        .start(
            new io.khoj4j.application.port.in.auth.WebSessionUseCase.StartSessionCommand(user.id()))
        .secret();
    for (int i = 0; i <= TURNS; i++) {
      java.util.concurrent.CompletableFuture<Long> seen =
          new java.util.concurrent.CompletableFuture<>();
      java.util.concurrent.CompletableFuture<Void> done =
          new java.util.concurrent.CompletableFuture<>();
      java.net.http.WebSocket ws = HttpClient.newHttpClient()
          .newWebSocketBuilder()
          .header("Cookie", "session=" + session)
          .header("Origin", base.toString().replaceAll("/$", ""))
          .buildAsync(
              URI.create(base.toString().replace("http", "ws") + "api/chat/ws?client=web"),
              new java.net.http.WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public java.util.concurrent.CompletionStage<?> onText(
                    java.net.http.WebSocket socket, CharSequence data, boolean last) {
                  text.append(data);
                  if (!seen.isDone() && text.indexOf(first) >= 0) {
                    seen.complete(System.nanoTime());
                  }
                  if (text.indexOf("end_response") >= 0) {
                    done.complete(null);
                  }
                  socket.request(1);
                  return null;
                }
              })
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
      long started = System.nanoTime();
      ws.sendText("{\"q\":\"Where do the zebras go? (" + i + ")\",\"stream\":true}", true);
      long firstToken = seen.get(30, java.util.concurrent.TimeUnit.SECONDS);
      done.get(30, java.util.concurrent.TimeUnit.SECONDS);
      ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "").join();
      if (i > 0) {
        millis.add((firstToken - started) / 1_000_000);
      }
    }
    return millis;
  }

  private static String row(String what, List<Long> millis) {
    return String.format(
        Locale.ROOT, "| %s | %d | %d |%n", what, percentile(millis, 50), percentile(millis, 90));
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
