package io.khoj4j.bootstrap.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Screenshots of every page at desktop and phone width for docs/screenshots, taken only when asked:
 * {@code -Dkhoj4j.screenshots=$PWD/docs/screenshots -Dtest=WebClientScreenshotsIT}. Each page must load without a
 * script error or a failed request, so a broken page fails here rather than ending up in the docs.
 */
@QuarkusTest
@Tag("browser")
@EnabledIfSystemProperty(named = "khoj4j.screenshots", matches = ".+")
class WebClientScreenshotsIT {

  @TestHTTPResource("/")
  URL base;

  @Test
  void everyPageAtDesktopAndPhoneWidth() {
    Path folder = Path.of(System.getProperty("khoj4j.screenshots"));
    FakeOpenAi openAi = new FakeOpenAi().start();
    try {
      openAi.configureAsDefault(TestUsers.createAdmin());
      openAi.script("""
          Your notes say the **zebra migration** starts in July:

          - herds move north across the plains
          - the river crossing is the hardest part

          ```python
          print("follow the herd")
          ```""", "Zebra migration", "zebra migration");
      TestUser user = TestUsers.create();
      Multipart notes = Multipart.files()
          .add("/notes/zebras.md", "text/markdown", WebClientBrowserIT.ZEBRA_NOTE)
          .add(
              "/notes/rivers.md",
              "text/markdown",
              "# River crossings\nThe river crossing is the hardest part of the migration.\n");
      user.index(notes);

      user.request()
          .queryParam("q", "Summarise what my notes say about the migration")
          .queryParam("crontime", "30 7 * * 1")
          .queryParam("subject", "Migration digest")
          .queryParam("timezone", "Europe/Berlin")
          .post("/api/automation")
          .then()
          .statusCode(200);

      List<String> problems = new ArrayList<>();
      String[][] sizes = {{"desktop", "1280", "800"}, {"phone", "390", "844"}};
      for (String[] size : sizes) {
        try (BrowserContext context = Browsers.signedIn(base, user.id())) {
          Page page = context.newPage();
          page.onPageError(error -> problems.add(size[0] + ": " + error));
          page.onRequestFailed(request -> problems.add(size[0] + ": failed " + request.url()));
          page.setViewportSize(Integer.parseInt(size[1]), Integer.parseInt(size[2]));

          page.navigate("/chat");
          page.getByLabel("Message").fill("When do the zebras migrate?");
          page.getByLabel("Message").press("Enter");
          assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
          page.locator(".msg.khoj .references").last().evaluate("d => d.open = true");
          shot(page, folder, "chat", size[0]);

          page.navigate("/search?q=zebra%20migration");
          assertThat(page.locator(".result").first()).isVisible();
          shot(page, folder, "search", size[0]);

          page.navigate("/settings");
          assertThat(page.locator(".files")).containsText("zebras.md");
          shot(page, folder, "settings", size[0]);

          // agents and automations with the form for a new one open
          for (String[] other :
              new String[][] {{"agents", "New agent"}, {"automations", "New automation"}}) {
            page.navigate("/" + other[0]);
            assertThat(page.locator("main h1")).isVisible();
            page.getByRole(
                    com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName(other[1]).setExact(true))
                .click();
            assertThat(page.locator("form")).isVisible();
            page.waitForLoadState();
            shot(page, folder, other[0], size[0]);
          }
        }
        try (BrowserContext visitor = Browsers.visitor(base)) {
          Page page = visitor.newPage();
          page.setViewportSize(Integer.parseInt(size[1]), Integer.parseInt(size[2]));
          page.navigate("/login");
          assertThat(page.locator("main h1")).isVisible();
          shot(page, folder, "login", size[0]);
        }
      }
      assertThat(problems).isEmpty();
    } finally {
      openAi.stop();
    }
  }

  private static void shot(Page page, Path folder, String name, String size) {
    page.screenshot(new Page.ScreenshotOptions()
        .setPath(folder.resolve(name + "-" + size + ".png"))
        .setFullPage(false));
  }
}
