package io.khoj4j.bootstrap.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.khoj4j.bootstrap.testing.Browsers;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page of the web client, at desktop and phone width and in the light and dark themes, checked by axe-core
 * (Deque's engine, the one browsers' own audits use) against WCAG 2.1 A and AA: no serious or critical violation —
 * labels, names, contrast, landmarks, focusable controls. Each page is checked in the state a person sees: chat with a
 * streamed answer and its references open, search with results, settings with a file, agents and automations with
 * the form for a new one open, the sign-in page signed out.
 */
@QuarkusTest
@Tag("browser")
class WebClientAccessibilityIT {

  private static final Set<String> BLOCKING = Set.of("serious", "critical");
  private static final String[][] SIZES = {{"desktop", "1280", "800"}, {"phone", "390", "844"}};

  @TestHTTPResource("/")
  URL base;

  private static FakeOpenAi openAi;
  private static TestUser user;

  @BeforeEach
  void content() {
    if (openAi != null) {
      return;
    }
    openAi = new FakeOpenAi().start();
    openAi.configureAsDefault(TestUsers.createAdmin());
    user = TestUsers.create();
    Multipart notes =
        Multipart.files().add("/notes/zebras.md", "text/markdown", WebClientBrowserIT.ZEBRA_NOTE);
    user.index(notes);
  }

  @AfterAll
  static void stop() {
    if (openAi != null) {
      openAi.stop();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"chat", "search", "settings", "agents", "automations"})
  void aSignedInPageHasNoSeriousViolation(String name) {
    List<String> violations = new ArrayList<>();
    for (String[] size : SIZES) {
      // both themes at desktop width; the phone layout in the light one (colours do not change with
      // width)
      for (String scheme :
          size[0].equals("desktop") ? new String[] {"light", "dark"} : new String[] {"light"}) {
        try (BrowserContext context = Browsers.signedIn(base, user.id())) {
          Page page = context.newPage();
          page.setViewportSize(Integer.parseInt(size[1]), Integer.parseInt(size[2]));
          page.emulateMedia(new Page.EmulateMediaOptions()
              .setColorScheme(
                  scheme.equals("dark")
                      ? com.microsoft.playwright.options.ColorScheme.DARK
                      : com.microsoft.playwright.options.ColorScheme.LIGHT));
          open(name).accept(page);
          violations.addAll(check(page, name + " " + size[0] + " " + scheme));
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"desktop", "phone"})
  void theSignInPageHasNoSeriousViolation(String width) {
    String[] size = width.equals("desktop") ? SIZES[0] : SIZES[1];
    try (BrowserContext visitor = Browsers.visitor(base)) {
      Page page = visitor.newPage();
      page.setViewportSize(Integer.parseInt(size[1]), Integer.parseInt(size[2]));
      page.navigate("/login");
      assertThat(page.locator("main h1")).isVisible();
      assertThat(check(page, "login " + width)).isEmpty();
    }
  }

  /** The check can fail: an unnamed button and unreadable text added to a page are reported. */
  @org.junit.jupiter.api.Test
  void theCheckReportsWhatItShould() {
    try (BrowserContext visitor = Browsers.visitor(base)) {
      Page page = visitor.newPage();
      page.navigate("/login");
      assertThat(page.locator("main h1")).isVisible();
      page.evaluate(
          "() => { const b = document.createElement('button'); document.querySelector('main').append(b);"
              + " const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#eee';"
              + " p.style.background = '#fff'; document.querySelector('main').append(p); }");
      assertThat(check(page, "login with faults"))
          .anyMatch(v -> v.contains("button-name"))
          .anyMatch(v -> v.contains("color-contrast"));
    }
  }

  private Consumer<Page> open(String name) {
    return switch (name) {
      case "chat" ->
        page -> {
          openAi.script(
              "Your notes say the **zebra migration** starts in July.",
              "Zebra migration",
              "zebra migration");
          page.navigate("/chat");
          page.getByLabel("Message").fill("When do the zebras migrate?");
          page.getByLabel("Message").press("Enter");
          assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
          page.locator(".msg.khoj .references").last().evaluate("d => d.open = true");
        };
      case "search" ->
        page -> {
          page.navigate("/search?q=zebra%20migration");
          assertThat(page.locator(".result").first()).isVisible();
        };
      case "settings" ->
        page -> {
          page.navigate("/settings");
          assertThat(page.locator(".files")).containsText("zebras.md");
        };
      case "agents", "automations" ->
        page -> {
          // with the form open: what a person fills in is checked too
          page.navigate("/" + name);
          String create = name.equals("agents") ? "New agent" : "New automation";
          page.getByRole(
                  com.microsoft.playwright.options.AriaRole.BUTTON,
                  new Page.GetByRoleOptions().setName(create).setExact(true))
              .click();
          assertThat(page.locator("form")).isVisible();
          page.waitForLoadState();
        };
      default ->
        page -> {
          page.navigate("/" + name);
          assertThat(page.locator("main h1")).isVisible();
          page.waitForLoadState();
        };
    };
  }

  /** The serious and critical violations axe finds on the page, one line per offending element. */
  private static List<String> check(Page page, String where) {
    AxeResults results = new AxeBuilder(page)
        .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
        .analyze();
    List<String> found = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      if (BLOCKING.contains(rule.getImpact())) {
        rule.getNodes()
            .forEach(node -> found.add(where + ": " + rule.getId() + " (" + rule.getImpact() + ") "
                + node.getTarget() + " — " + node.getFailureSummary()));
      }
    }
    return found;
  }
}
