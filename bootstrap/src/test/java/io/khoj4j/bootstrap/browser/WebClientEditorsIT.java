package io.khoj4j.bootstrap.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.khoj4j.bootstrap.testing.Browsers;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a user makes, changes and removes in the web client beside chat — agents, automations, the memories kept about
 * them — in headless Chromium against the real server, each checked through the API afterwards: what the page sends
 * is what the server stores, a refusal is shown and stores nothing, and another user's offers no way to change it.
 */
@QuarkusTest
@Tag("browser")
class WebClientEditorsIT {

  @TestHTTPResource("/")
  URL base;

  @Test
  void aUserMakesChangesAndDeletesTheirOwnAgentAndSeesNoWayToChangeOthers() {
    TestUser user = TestUsers.create();
    TestUser other = TestUsers.create();
    Multipart notes = Multipart.files()
        .add("/notes/tea.md", "text/markdown", "# Sencha\nSteep sencha for one minute at 70 °C.\n");
    user.index(notes);
    // public agents' names are unique on the server: one per run of the test
    String othersAgent =
        "Public Helper " + java.util.UUID.randomUUID().toString().substring(0, 8);
    createAgent(other, othersAgent, "public");

    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.onDialog(dialog -> dialog.accept());
      page.navigate("/agents");
      // the default agent is listed, with nothing to change; another user's agent is not listed
      Locator defaultAgent = page.locator(".cards > li[data-slug='khoj']");
      assertThat(defaultAgent).isVisible();
      assertThat(defaultAgent.getByRole(AriaRole.BUTTON)).hasCount(1);
      assertThat(page.locator(".cards")).not().containsText(othersAgent);

      // a knowledge file the user has not indexed: the server's refusal is shown, nothing is stored
      button(page, "New agent").click();
      page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Tea Sommelier");
      page.getByLabel("File to add").fill("/notes/missing.md");
      button(page, "Add file").click();
      button(page, "Create agent").click();
      assertThat(page.locator("#status"))
          .containsText("Not an indexed file of yours: /notes/missing.md");
      assertThat(ownAgents(user)).isEmpty();

      button(page, "Remove /notes/missing.md").click();
      page.getByLabel("File to add").fill("/notes/tea.md");
      page.getByLabel("File to add").press("Enter");
      page.getByLabel("Instructions (how it should answer)").fill("You know tea.");
      page.getByLabel(Pattern.compile("^notes:")).check();
      page.getByLabel(Pattern.compile("^image:")).check();
      button(page, "Create agent").click();
      assertThat(page.locator("#status")).hasText("Created Tea Sommelier");
      assertThat(page.locator(".cards")).containsText("You know tea.");

      List<Map<String, Object>> own = ownAgents(user);
      assertThat(own).hasSize(1);
      Map<String, Object> created = own.getFirst();
      assertThat(created)
          .containsEntry("name", "Tea Sommelier")
          .containsEntry("persona", "You know tea.")
          .containsEntry("privacy_level", "private")
          .containsEntry("input_tools", List.of("notes"))
          .containsEntry("output_modes", List.of("image"))
          .containsEntry("files", List.of("/notes/tea.md"));

      // the form opens with what is stored; a change keeps the slug
      button(page, "Edit Tea Sommelier").click();
      assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
          .hasValue("Tea Sommelier");
      assertThat(page.getByLabel(Pattern.compile("^notes:"))).isChecked();
      assertThat(page.locator(".chips")).containsText("/notes/tea.md");
      page.getByLabel("Instructions (how it should answer)").fill("You know green tea.");
      page.getByLabel("Who can use it").selectOption("public");
      page.getByLabel(Pattern.compile("^image:")).uncheck();
      button(page, "Save agent").click();
      assertThat(page.locator("#status")).hasText("Saved Tea Sommelier");
      user.request()
          .get("/api/agents/" + created.get("slug"))
          .then()
          .statusCode(200)
          .body("persona", equalTo("You know green tea."))
          .body("privacy_level", equalTo("public"))
          .body("output_modes", empty());

      button(page, "Delete Tea Sommelier").click();
      assertThat(page.locator(".cards")).not().containsText("Tea Sommelier");
      user.request().get("/api/agents/" + created.get("slug")).then().statusCode(404);
    }
    // the other user's agent is untouched
    assertThat(ownAgents(other)).extracting(a -> a.get("name")).containsExactly(othersAgent);
  }

  @Test
  void aUserSchedulesChangesRunsAndDeletesAnAutomationAndSeesNoOneElses() {
    TestUser user = TestUsers.create();
    TestUser other = TestUsers.create();
    other
        .request()
        .queryParam("q", "Someone else's digest")
        .queryParam("crontime", "0 8 * * *")
        .queryParam("subject", "Not yours")
        .post("/api/automation")
        .then()
        .statusCode(200);

    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.onDialog(dialog -> dialog.accept());
      page.navigate("/automations");
      assertThat(page.locator(".cards")).containsText("No automations yet.");
      assertThat(page.locator(".cards")).not().containsText("Not yours");

      button(page, "New automation").click();
      page.getByLabel("What should be done").fill("Summarise my tea notes");
      page.getByLabel("Subject (optional: taken from the request when empty)").fill("Tea digest");
      page.getByLabel("How often").selectOption("week");
      page.getByLabel("On", new Page.GetByLabelOptions().setExact(true)).selectOption("Monday");
      page.getByLabel("At", new Page.GetByLabelOptions().setExact(true)).fill("07:30");
      button(page, "Create automation").click();
      assertThat(page.locator("#status")).containsText("Scheduled Tea digest");
      assertThat(page.locator(".cards")).containsText("Summarise my tea notes");

      JsonPath stored = automations(user);
      assertThat(stored.getList("$")).hasSize(1);
      assertThat(stored.getString("[0].crontime")).isEqualTo("30 7 * * 1");
      assertThat(stored.getString("[0].subject")).isEqualTo("Tea digest");
      String id = stored.getString("[0].id");

      // the form reads the schedule back; monthly on the 15th at the same time
      button(page, "Edit Tea digest").click();
      assertThat(page.getByLabel("How often")).hasValue("week");
      assertThat(page.getByLabel("At", new Page.GetByLabelOptions().setExact(true)))
          .hasValue("07:30");
      assertThat(page.getByLabel("What should be done")).hasValue("Summarise my tea notes");
      page.getByLabel("How often").selectOption("month");
      page.getByLabel("Day of the month").fill("15");
      button(page, "Save automation").click();
      assertThat(page.locator("#status")).containsText("Saved Tea digest");
      assertThat(automations(user).getString("[0].crontime")).isEqualTo("30 7 15 * *");

      // a cron expression the server refuses is shown, and the stored schedule stays
      button(page, "Edit Tea digest").click();
      page.getByLabel("How often").selectOption("custom");
      assertThat(page.getByLabel("Cron expression")).hasValue("30 7 15 * *");
      page.getByLabel("Cron expression").fill("every tuesday");
      button(page, "Save automation").click();
      assertThat(page.locator("#status")).hasAttribute("data-kind", "error");
      assertThat(automations(user).getString("[0].crontime")).isEqualTo("30 7 15 * *");
      button(page, "Cancel").click();

      button(page, "Run now Tea digest").click();
      assertThat(page.locator("#status")).containsText("Running Tea digest now");

      button(page, "Delete Tea digest").click();
      assertThat(page.locator(".cards")).containsText("No automations yet.");
      assertThat(automations(user).getList("$")).isEmpty();
      user.request()
          .queryParam("automation_id", id)
          .delete("/api/automation")
          .then()
          .statusCode(204);
    }
    assertThat(automations(other).getString("[0].subject")).isEqualTo("Not yours");
  }

  @Test
  void aUserSwitchesMemoryOnAndCorrectsAndDeletesWhatWasNoted() {
    FakeOpenAi openAi = new FakeOpenAi().start();
    try {
      openAi.configureAsDefault(TestUsers.createAdmin());
      openAi.script("Noted.", "Tea", "tea");
      // the exchange about genmaicha reveals a fact; any other reveals nothing
      openAi.remembers("brewed genmaicha", "The user's favourite tea is genmaicha.");
      TestUser user = TestUsers.create();
      TestUser other = TestUsers.create();

      try (BrowserContext context = Browsers.signedIn(base, user.id())) {
        Page page = context.newPage();
        page.onDialog(dialog -> dialog.accept());
        page.navigate("/settings");
        Locator memorySwitch =
            page.getByLabel("Note and recall facts about me from my conversations");
        assertThat(page.locator(".memories")).containsText("No memories yet.");
        // the box shows the server's setting for this user; off and on again, each reaching the
        // server
        if (memorySetting(user)) {
          assertThat(memorySwitch).isChecked();
        } else {
          assertThat(memorySwitch).not().isChecked();
          memorySwitch.check();
          assertThat(page.locator("#status")).containsText("Memory on");
        }
        memorySwitch.uncheck();
        assertThat(page.locator("#status")).containsText("Memory off");
        assertThat(memorySetting(user)).isFalse();
        memorySwitch.check();
        assertThat(page.locator("#status")).containsText("Memory on");
        assertThat(memorySetting(user)).isTrue();
        other
            .request()
            .queryParam("enable_memory", "true")
            .patch("/api/user/memory")
            .then()
            .statusCode(200);

        for (TestUser u : List.of(user, other)) {
          u.request()
              .contentType("application/json")
              .body(Map.of(
                  "q",
                  "/general I just brewed genmaicha again, it is my favourite tea",
                  "create_new",
                  true,
                  "stream",
                  false))
              .post("/api/chat")
              .then()
              .statusCode(200);
        }
        page.reload();
        String noted = "The user's favourite tea is genmaicha.";
        assertThat(page.locator(".memories")).containsText(noted);

        button(page, "Correct memory: " + noted).click();
        page.getByLabel("Corrected memory").fill("The user's favourite tea is sencha.");
        button(page, "Save").click();
        assertThat(page.locator("#status")).hasText("Memory corrected.");
        assertThat(page.locator(".memories")).containsText("sencha");
        assertThat(memories(user)).containsExactly("The user's favourite tea is sencha.");

        // an empty correction is refused by the server and changes nothing
        button(page, "Correct memory: The user's favourite tea is sencha.").click();
        page.getByLabel("Corrected memory").fill("   ");
        button(page, "Save").click();
        assertThat(page.locator("#status")).hasAttribute("data-kind", "error");
        assertThat(memories(user)).containsExactly("The user's favourite tea is sencha.");
        button(page, "Cancel").click();

        button(page, "Delete memory: The user's favourite tea is sencha.").click();
        assertThat(page.locator(".memories")).containsText("No memories yet.");
        assertThat(memories(user)).isEmpty();
      }
      assertThat(memories(other))
          .as("another user's memory is untouched")
          .containsExactly("The user's favourite tea is genmaicha.");
    } finally {
      openAi.stop();
    }
  }

  private static boolean memorySetting(TestUser user) {
    return user.request()
        .get("/api/settings?detailed=true")
        .then()
        .statusCode(200)
        .extract()
        .path("enable_memory");
  }

  private static List<String> memories(TestUser user) {
    return user.request()
        .get("/api/memories")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("raw");
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static void createAgent(TestUser owner, String name, String privacy) {
    Map<String, Object> agent = new HashMap<>();
    agent.put("name", name);
    agent.put("persona", "Helps.");
    agent.put("privacy_level", privacy);
    agent.put("color", "blue");
    agent.put("icon", "Robot");
    agent.put("input_tools", List.of());
    agent.put("output_modes", List.of());
    owner
        .request()
        .contentType("application/json")
        .body(agent)
        .post("/api/agents")
        .then()
        .statusCode(200);
  }

  /** The agents the API names this user as the creator of. */
  private static List<Map<String, Object>> ownAgents(TestUser user) {
    List<Map<String, Object>> all = user.request()
        .get("/api/agents")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
    return all.stream().filter(a -> a.get("creator") != null).toList();
  }

  private static JsonPath automations(TestUser user) {
    return user.request()
        .get("/api/automation")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
