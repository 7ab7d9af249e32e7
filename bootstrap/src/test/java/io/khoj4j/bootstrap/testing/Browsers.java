package io.khoj4j.bootstrap.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import io.khoj4j.application.port.in.auth.WebSessionUseCase;
import io.khoj4j.application.port.in.auth.WebSessionUseCase.StartSessionCommand;
import io.khoj4j.domain.user.UserId;
import io.quarkus.arc.Arc;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for the browser tests: the distribution's browser ({@code /usr/bin/chromium}, or the one named
 * by {@code KHOJ4J_CHROMIUM}), driven by Playwright for Java. Playwright is told never to download a browser.
 * One browser per test JVM; each test gets fresh contexts (cookies, storage) of its own.
 */
public final class Browsers {

  private static Playwright playwright;
  private static Browser browser;

  private Browsers() {}

  public static synchronized Browser browser() {
    if (browser == null) {
      Path chromium = Path.of(System.getenv().getOrDefault("KHOJ4J_CHROMIUM", "/usr/bin/chromium"));
      if (!Files.isExecutable(chromium)) {
        throw new IllegalStateException("No Chromium at " + chromium
            + ": run scripts/setup.sh (it installs the distribution's), or set KHOJ4J_CHROMIUM");
      }
      // Waits, not timings: assertions poll until true; generous for a loaded CI machine (PBKDF2
      // sign-in, first search).
      PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
      playwright = Playwright.create(
          new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      browser = playwright
          .chromium()
          .launch(new BrowserType.LaunchOptions()
              .setExecutablePath(chromium)
              .setHeadless(true)
              // a microphone that plays a test tone, allowed without asking (the dictation test)
              .setArgs(
                  List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        browser.close();
        playwright.close();
      }));
    }
    return browser;
  }

  /** A signed-out visitor, seen by the server as coming from an address of its own (sign-in limits are per address). */
  public static BrowserContext visitor(URL base) {
    BrowserContext context = browser()
        .newContext(new Browser.NewContextOptions()
            .setBaseURL(base.toString())
            .setExtraHTTPHeaders(Map.of("X-Forwarded-For", Clients.freshAddress())));
    context.setDefaultTimeout(20_000);
    return context;
  }

  /** A visitor already signed in as {@code user}: a session started through the use case, its cookie set. */
  public static BrowserContext signedIn(URL base, UserId user) {
    String secret = Arc.container()
        .instance(WebSessionUseCase.class)
        .get()
        .start(new StartSessionCommand(user))
        .secret();
    BrowserContext context = visitor(base);
    context.addCookies(List.of(
        new Cookie("session", secret).setDomain(base.getHost()).setPath("/").setHttpOnly(true)));
    return context;
  }
}
