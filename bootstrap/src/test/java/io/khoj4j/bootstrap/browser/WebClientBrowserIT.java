package io.khoj4j.bootstrap.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;
import io.khoj4j.bootstrap.testing.Browsers;
import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The web client in headless Chromium against the real server: sign-in, upload, search, a streamed chat answer with
 * its reference, stop, share, tokens, and an XSS probe. The chat model is {@link FakeOpenAi} (WireMock).
 */
@QuarkusTest
@Tag("browser")
class WebClientBrowserIT {

  /** The note most browser tests index: a heading the search and the suggested questions name, one line of text. */
  static final String ZEBRA_NOTE =
      "# Zebra migration\nThe zebras walk north across the plains every July.\n";

  static final String XSS =
      "<img src=x onerror=\"window.__pwned=1;alert(1)\"> and <script>window.__pwned=2;alert(2)</script>";

  @TestHTTPResource("/")
  URL base;

  private static FakeOpenAi openAi;
  private static TestUser admin;

  @jakarta.inject.Inject
  io.khoj4j.application.port.out.feedback.FeedbackRepository feedback;

  @BeforeEach
  void model() {
    if (openAi == null) {
      openAi = new FakeOpenAi().start();
      admin = TestUsers.createAdmin();
    }
    openAi.configureAsDefault(admin);
  }

  @AfterAll
  static void stop() {
    if (openAi != null) {
      openAi.stop();
    }
  }

  @Test
  void aSignedOutVisitorSignsInWithAPasswordAndLandsWhereTheyWereGoing() {
    try (BrowserContext context = Browsers.visitor(base)) {
      Page page = context.newPage();
      page.navigate("/chat");
      assertThat(page).hasURL(Pattern.compile("/login\\?next=%2Fchat$"));

      page.getByLabel("Email").first().fill("admin@khoj4j.test");
      page.getByLabel("Password").fill("not-the-password");
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Sign in").setExact(true))
          .click();
      assertThat(page.locator("#status")).not().isEmpty();
      assertThat(page).hasURL(Pattern.compile("/login"));

      page.getByLabel("Password").fill("admin-password-for-tests");
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Sign in").setExact(true))
          .click();
      assertThat(page).hasURL(Pattern.compile("/chat$"));
      assertThat(page.getByRole(
              com.microsoft.playwright.options.AriaRole.LINK,
              new Page.GetByRoleOptions().setName("Sign out")))
          .isVisible();
    }
  }

  @jakarta.inject.Inject
  io.quarkus.mailer.MockMailbox mailbox;

  @Test
  void aVisitorSignsInWithTheMailedCodeAndAMistypedOneIsSaidOnThePage() throws Exception {
    String email = "code-" + java.util.UUID.randomUUID() + "@example.org";
    try (BrowserContext context = Browsers.visitor(base)) {
      Page page = context.newPage();
      page.navigate("/chat");
      assertThat(page).hasURL(Pattern.compile("/login\\?next=%2Fchat$"));
      page.locator("#magic-email").fill(email);
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Send me a link"))
          .click();
      assertThat(page.locator("#magic-code")).isVisible();
      java.util.List<io.quarkus.mailer.Mail> mails = mailbox.getMailsSentTo(email);
      for (int i = 0; i < 100 && (mails == null || mails.isEmpty()); i++) {
        Thread.sleep(100);
        mails = mailbox.getMailsSentTo(email);
      }
      java.util.regex.Matcher sent =
          Pattern.compile("code=(\\d{6})").matcher(mails.getLast().getText());
      org.assertj.core.api.Assertions.assertThat(sent.find()).isTrue();
      String code = sent.group(1);

      page.locator("#magic-code").fill(code.equals("000000") ? "111111" : "000000");
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Continue"))
          .click();
      assertThat(page.locator("#status")).containsText("Invalid login code");
      assertThat(page).hasURL(Pattern.compile("/login"));

      page.locator("#magic-code").fill(code);
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Continue"))
          .click();
      assertThat(page).hasURL(Pattern.compile("/chat$"));
    }
  }

  @Test
  void aNoteUploadedInSettingsIsFoundBySearchAndChatStreamsAnAnswerWithItsReference() {
    TestUser user = TestUsers.create();
    openAi.script("Zebras **migrate** north in July.", "Zebra plans", "zebra migration");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/settings");
      page.locator("#file-picker")
          .setInputFiles(new FilePayload(
              "zebra-notes.md", "text/markdown", ZEBRA_NOTE.getBytes(StandardCharsets.UTF_8)));
      assertThat(page.locator(".files")).containsText("zebra-notes.md");

      page.navigate("/search");
      page.getByLabel("Search your notes").fill("zebra migration");
      Locator result = page.locator(".result").first();
      assertThat(result.locator(".file")).containsText("zebra-notes.md");
      assertThat(result.locator(".heading")).containsText("Zebra migration");

      page.navigate("/chat");
      page.getByLabel("Message").fill("When do the zebras move?");
      page.getByLabel("Message").press("Enter");
      Locator answer = page.locator(".msg.khoj").last();
      assertThat(answer).hasAttribute("data-state", "done");
      assertThat(answer.locator(".body strong")).hasText("migrate");
      assertThat(answer.locator(".body")).hasText("Zebras migrate north in July.");
      assertThat(answer.locator(".references")).containsText("zebra-notes.md");
      assertThat(page.locator(".conversations")).containsText("Zebra plans");
    }
  }

  @Test
  void aMessageSentWhileThePageStillLoadsKeepsItsAnswer() {
    TestUser user = TestUsers.create();
    openAi.script("Zebras **migrate** north in July.", "Zebra plans", "zebra migration");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      List<Route> held = holdLoading(page);
      page.navigate("/chat");
      page.getByLabel("Message").fill("When do the zebras move?");
      page.getByLabel("Message").press("Enter");
      Locator answer = page.locator(".msg.khoj").last();
      assertThat(answer).hasAttribute("data-state", "done");
      assertThat(page).hasURL(Pattern.compile("conversationId="));
      releaseAll(page, held);
      // the list came after the answer started a conversation: the answer stays, with its state
      assertThat(page.locator(".conversations")).containsText("Zebra plans");
      assertThat(page.locator(".msg")).hasCount(2);
      assertThat(answer).hasAttribute("data-state", "done");

      // a conversation named in the address: a message sent before its history arrives goes after
      // it
      openAi.script("Southward in November.", "Zebra plans", "zebra migration");
      held = holdLoading(page);
      page.navigate(page.url());
      assertThat(page.locator(".msg")).hasCount(0);
      page.getByLabel("Message").fill("And back?");
      page.getByLabel("Message").press("Enter");
      // shown at once, sent once the history is read (so the history cannot already hold it)
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "streaming");
      releaseAll(page, held);
      assertThat(page.locator(".msg")).hasCount(4);
      assertThat(page.locator(".msg").nth(0)).containsText("When do the zebras move?");
      assertThat(page.locator(".msg").nth(2)).containsText("And back?");
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
      assertThat(page.locator(".msg.khoj").last()).containsText("Southward in November.");
    }
  }

  /** The conversation list and a conversation's history arrive only when {@link #releaseAll} lets them. */
  private static List<Route> holdLoading(Page page) {
    List<Route> held = new CopyOnWriteArrayList<>();
    page.route(Pattern.compile(".*/api/chat/(sessions\\?client=web|history\\?.*)$"), route -> {
      if (route.request().method().equals("GET")) {
        held.add(route);
      } else {
        route.resume();
      }
    });
    return held;
  }

  private static void releaseAll(Page page, List<Route> held) {
    page.unrouteAll();
    for (Route route : held) {
      route.resume();
    }
    held.clear();
  }

  @Test
  void aNewConversationStartsWithTheAgentPickedInTheComposer() {
    TestUser user = TestUsers.create();
    openAi.script("Steep it for three minutes.", "Tea timing");
    java.util.Map<String, Object> agent = new java.util.HashMap<>();
    agent.put("name", "Tea Sommelier");
    agent.put("persona", "You know tea.");
    agent.put("privacy_level", "private");
    agent.put("color", "green");
    agent.put("icon", "Leaf");
    agent.put("chat_model", null);
    agent.put("files", List.of());
    agent.put("input_tools", List.of());
    agent.put("output_modes", List.of());
    String slug = user.request()
        .contentType("application/json")
        .body(agent)
        .post("/api/agents")
        .then()
        .statusCode(200)
        .extract()
        .path("slug");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/chat");
      page.getByLabel("Agent").selectOption(slug);
      page.getByLabel("Message").fill("How long should sencha steep?");
      page.getByLabel("Message").press("Enter");
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
      assertThat(page.getByLabel("Agent")).isHidden();

      page.getByText("New conversation").first().click();
      assertThat(page.getByLabel("Agent")).isVisible();
      page.getByLabel("Message").fill("And without the sommelier?");
      page.getByLabel("Message").press("Enter");
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
      // an open conversation keeps its agent: no picker
      assertThat(page.getByLabel("Agent")).isHidden();
    }
    user.request()
        .get("/api/chat/sessions")
        .then()
        .statusCode(200)
        .body("[0].agent_name", org.hamcrest.Matchers.equalTo("Tea Sommelier"));
  }

  @Test
  void aConversationLimitedToOneFileSearchesOnlyItAndItsAnswerTakesAVerdict() {
    TestUser user = TestUsers.create();
    Multipart notes = Multipart.files()
        .add("/notes/zebras.md", "text/markdown", ZEBRA_NOTE)
        .add(
            "/notes/lions.md",
            "text/markdown",
            "# Lion prides\nLions rest in the shade while the zebras pass by.\n");
    user.index(notes);
    openAi.script("The notes you chose speak of lions.", "Lions", "zebra migration");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/chat");
      page.getByText("Notes searched: all your files").click();
      page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).fill("/notes/lions.md");
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Limit to this file"))
          .click();
      assertThat(page.locator(".files-panel summary")).hasText("Notes searched: 1 file");
      // the filter started the conversation: the address names it and the server holds the filter
      assertThat(page).hasURL(Pattern.compile("conversationId="));
      String conversation = page.url().replaceAll(".*conversationId=", "");
      user.request()
          .get("/api/chat/conversation/file-filters/" + conversation)
          .then()
          .statusCode(200)
          .body("$", org.hamcrest.Matchers.contains("/notes/lions.md"));

      page.getByLabel("Message").fill("When do the zebras move?");
      page.getByLabel("Message").press("Enter");
      Locator answer = page.locator(".msg.khoj").last();
      assertThat(answer).hasAttribute("data-state", "done");
      assertThat(answer.locator(".references")).containsText("lions.md");
      assertThat(answer.locator(".references")).not().containsText("zebras.md");

      answer
          .getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Locator.GetByRoleOptions().setName("Good answer"))
          .click();
      assertThat(answer.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Locator.GetByRoleOptions().setName("Good answer")))
          .hasAttribute("aria-pressed", "true");
      assertThat(feedback.list(user.id())).singleElement().satisfies(verdict -> {
        assertThat(verdict.sentiment())
            .isEqualTo(io.khoj4j.domain.chat.Feedback.Sentiment.POSITIVE);
        assertThat(verdict.question()).isEqualTo("When do the zebras move?");
        assertThat(verdict.answer()).isEqualTo("The notes you chose speak of lions.");
      });

      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Stop limiting to /notes/lions.md"))
          .click();
      assertThat(page.locator(".files-panel summary")).hasText("Notes searched: all your files");
      user.request()
          .get("/api/chat/conversation/file-filters/" + conversation)
          .then()
          .statusCode(200)
          .body("$", org.hamcrest.Matchers.empty());

      // a file the user has not indexed is refused, and the filters stay as they were
      page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).fill("/notes/none.md");
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Limit to this file"))
          .click();
      assertThat(page.locator("#status")).containsText("Not one of your indexed files");
      assertThat(page.locator(".files-panel summary")).hasText("Notes searched: all your files");
    }
  }

  @Test
  void aMessageInANewConversationStartsOneAndLeavesTheLatestAlone() {
    TestUser user = TestUsers.create();
    openAi.script("Earlier answer.", "Earlier");
    user.request()
        .contentType("application/json")
        .body(java.util.Map.of("q", "/general an earlier question", "create_new", true))
        .post("/api/chat")
        .then()
        .statusCode(200);
    openAi.script("Fresh answer.", "Fresh start");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/chat");
      page.getByLabel("Message").fill("/general a new question");
      page.getByLabel("Message").press("Enter");
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
      assertThat(page.locator(".msg")).hasCount(2);
      assertThat(page.locator(".conversations > li")).hasCount(2);
    }
    List<String> titles = user.request()
        .get("/api/chat/sessions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("slug");
    assertThat(titles).hasSize(2).contains("Fresh start");
  }

  @Test
  void anAddressNamingAConversationThatIsGoneStartsANewOneAndAPercentInAQuestionIsKept() {
    TestUser user = TestUsers.create();
    openAi.script("It is a space, escaped.", "Escapes");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/chat?conversationId=" + java.util.UUID.randomUUID());
      assertThat(page.locator("#status")).not().isEmpty();
      assertThat(page).hasURL(Pattern.compile("/chat$"));

      page.getByLabel("Message").fill("/general what does %20 mean?");
      page.getByLabel("Message").press("Enter");
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
      assertThat(page.locator(".msg.khoj").last()).containsText("It is a space, escaped.");
      assertThat(page).hasURL(Pattern.compile("conversationId="));
    }
    // the question is stored as typed: the page sends it encoded, the server decodes it once
    user.request()
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat[0].message", org.hamcrest.Matchers.equalTo("what does %20 mean?"));
  }

  @Test
  void aRefusedModelChoiceShowsTheModelStillInForce() {
    TestUser user = TestUsers.create();
    String api = admin
        .request()
        .get("/api/admin/chat-models")
        .then()
        .statusCode(200)
        .extract()
        .path("[0].ai_model_api_id");
    admin.created(
        "/api/admin/chat-models",
        java.util.Map.of(
            "name",
            "large",
            "friendly_name",
            "Paid Model",
            "model_type",
            "openai",
            "ai_model_api_id",
            api,
            "price_tier",
            "standard"));
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      // the server refuses as it does, with billing on, a paid model for a user who is not premium
      page.route("**/api/model/chat?id=*", route -> {
        if (!route.request().method().equals("POST")) {
          route.resume();
          return;
        }
        route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
            .setStatus(403)
            .setContentType("application/json")
            .setBody(
                "{\"status\":\"error\",\"message\":\"Subscribe to switch to this chat model\"}"));
      });
      page.navigate("/settings");
      Locator select = page.locator("#chat-model");
      assertThat(select.locator("option:checked")).hasText("Local Model");

      select.selectOption(
          new com.microsoft.playwright.options.SelectOption().setLabel("Paid Model"));

      assertThat(page.locator("#status")).containsText("Subscribe to switch to this chat model");
      assertThat(select.locator("option:checked")).hasText("Local Model");
    }
  }

  @Test
  void anAnswerThatIsAJsonObjectIsShownAsText() {
    TestUser user = TestUsers.create();
    openAi.script("unused", "Json");
    // the answer in one piece, so that one frame of the stream is exactly a JSON object
    openAi.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/chat/completions"))
        .atPriority(4)
        .willReturn(FakeOpenAi.stream("{\"ok\": true}")));
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/chat");
      page.getByLabel("Message").fill("/general answer in JSON");
      page.getByLabel("Message").press("Enter");
      Locator answer = page.locator(".msg.khoj").last();
      assertThat(answer).hasAttribute("data-state", "done");
      assertThat(answer).containsText("\"ok\": true");
    }
  }

  @Test
  void aQuestionAndItsAnswerAreDeletedFromTheConversation() {
    TestUser user = TestUsers.create();
    openAi.script("An answer.", "Two questions");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.onDialog(dialog -> dialog.accept());
      page.navigate("/chat");
      Locator message = page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true));
      for (String question : List.of("/general first question", "/general second question")) {
        message.fill(question);
        message.press("Enter");
        assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
      }
      assertThat(page.locator(".msg")).hasCount(4);

      page.locator(".msg.you", new Page.LocatorOptions().setHasText("first question"))
          .getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Locator.GetByRoleOptions().setName("Delete this question and its answer"))
          .click();
      assertThat(page.locator(".msg")).hasCount(2);
      assertThat(page.locator(".messages")).not().containsText("first question");

      // what the server keeps, and what the page shows when opened again
      String conversation = page.url().replaceAll(".*conversationId=", "");
      List<String> kept = user.request()
          .get("/api/chat/history?conversation_id=" + conversation)
          .then()
          .statusCode(200)
          .extract()
          .jsonPath()
          .getList("response.chat.message");
      assertThat(kept).containsExactly("second question", "An answer.");
      page.reload();
      assertThat(page.locator(".msg")).hasCount(2);
      page.locator(".msg.you")
          .getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Locator.GetByRoleOptions().setName("Delete this question and its answer"))
          .click();
      assertThat(page.locator(".msg")).hasCount(0);
    }
  }

  @Test
  void settingsCountTheConversationsAndExportThemAllAsOneFile() throws java.io.IOException {
    TestUser user = TestUsers.create();
    TestUser other = TestUsers.create();
    openAi.script("An answer.", "A title");
    for (TestUser u : List.of(user, user, other)) {
      u.request()
          .contentType("application/json")
          .body(java.util.Map.of("q", "/general a question", "create_new", true))
          .post("/api/chat")
          .then()
          .statusCode(200);
    }
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/settings");
      assertThat(page.locator("section[aria-labelledby=conversations-h]"))
          .containsText("2 conversations.");
      com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Export all conversations"))
          .click());
      assertThat(download.suggestedFilename()).isEqualTo("khoj4j-conversations.json");
      io.restassured.path.json.JsonPath exported =
          io.restassured.path.json.JsonPath.from(java.nio.file.Files.readString(download.path()));
      assertThat(exported.getList("$")).hasSize(2);
      assertThat(exported.getList("conversation_log.chat.message.flatten()"))
          .containsOnly("a question", "An answer.")
          .hasSize(4);
      assertThat(page.locator("#status")).hasText("Exported 2 conversations.");
    }
  }

  @Test
  void aNewConversationOffersQuestionsFromTheUsersNotesAndOneAsksIt() {
    TestUser user = TestUsers.create();
    Multipart notes = Multipart.files().add("/notes/zebras.md", "text/markdown", ZEBRA_NOTE);
    user.index(notes);
    openAi.script("They walk north in July.", "Zebra migration", "zebra migration");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/chat");
      Locator suggested = page.getByRole(
          com.microsoft.playwright.options.AriaRole.BUTTON,
          new Page.GetByRoleOptions().setName("What do my notes say about Zebra migration?"));
      suggested.click();
      assertThat(page.locator(".msg.you .body").last())
          .hasText("What do my notes say about Zebra migration?");
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
      assertThat(page.locator(".starters")).isHidden();
    }
  }

  @Test
  void shiftEnterAddsALineAndStopEndsAStreamingAnswer() {
    TestUser user = TestUsers.create();
    openAi.script("unused", "Slow one");
    // The answer dribbles out over many seconds, so it is still streaming when Stop is pressed.
    openAi.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .atPriority(4)
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "text/event-stream")
            .withBody(FakeOpenAi.sse(
                "A long ", "answer ", "that ", "takes ", "its ", "time ", "to ", "arrive."))
            .withChunkedDribbleDelay(40, 20_000)));
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/chat");
      Locator input = page.getByLabel("Message");
      input.fill("/general first line");
      input.press("Shift+Enter");
      input.pressSequentially("second line");
      assertThat(input).hasValue("/general first line\nsecond line");
      input.press("Enter");

      Locator stop = page.getByRole(
          com.microsoft.playwright.options.AriaRole.BUTTON,
          new Page.GetByRoleOptions().setName("Stop"));
      assertThat(stop).isVisible();
      assertThat(page.locator(".msg.you .body").last()).hasText("/general first line\nsecond line");
      stop.click();
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "stopped");
      assertThat(stop).isHidden();

      // the stopped turn is kept: the question, and an answer marked stopped that takes no verdict
      long until = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < until
          && !user.request().get("/api/chat/history").asString().contains("\"by\":\"khoj\"")) {
        page.waitForTimeout(100);
      }
      page.reload();
      assertThat(page.locator(".msg.you .body").last()).containsText("second line");
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "stopped");
      assertThat(page.locator(".msg.khoj").last().locator(".feedback")).hasCount(0);
    }
  }

  @Test
  void modelOutputAndNotesCannotRunScript() {
    TestUser user = TestUsers.create();
    user.request()
        .contentType("multipart/form-data; boundary=" + Multipart.BOUNDARY)
        .body(Multipart.files()
            .add("/notes/probe.md", "text/markdown", "# Probe heading\nquokka " + XSS + "\n")
            .body())
        .patch("/api/content")
        .then()
        .statusCode(200);
    openAi.script("Look: " + XSS + " end.", "Probe", "quokka");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      List<String> dialogs = new CopyOnWriteArrayList<>();
      page.onDialog(dialog -> {
        dialogs.add(dialog.message());
        dialog.dismiss();
      });

      page.navigate("/search");
      page.getByLabel("Search your notes").fill("quokka");
      assertThat(page.locator(".result .snippet").first()).containsText("<script>window.__pwned=2");

      page.navigate("/chat");
      page.getByLabel("Message").fill("quokka?");
      page.getByLabel("Message").press("Enter");
      Locator answer = page.locator(".msg.khoj").last();
      assertThat(answer).hasAttribute("data-state", "done");
      assertThat(answer.locator(".body"))
          .containsText("<script>window.__pwned=2;alert(2)</script>");
      assertThat(answer.locator(".body")).containsText("<img src=x onerror=");
      assertThat(answer.locator(".references")).containsText("probe.md");

      assertThat(page.locator("main script, main img[src='x'], main [onerror]")).hasCount(0);
      assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
      assertThat(dialogs).isEmpty();
    }
  }

  @Test
  void codeInAKnownLanguageIsHighlightedAndStaysText() {
    TestUser user = TestUsers.create();
    openAi.script(
        "Run this:\n\n```python\ndef brew(minutes):\n    return \"" + XSS
            + "\"\n```\n\nand this:\n\n" + "```\nplain block\n```",
        "Code");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      List<String> dialogs = new CopyOnWriteArrayList<>();
      page.onDialog(dialog -> {
        dialogs.add(dialog.message());
        dialog.dismiss();
      });
      page.navigate("/chat");
      page.getByLabel("Message").fill("show me code");
      page.getByLabel("Message").press("Enter");
      Locator answer = page.locator(".msg.khoj").last();
      assertThat(answer).hasAttribute("data-state", "done");

      Locator python = answer.locator("pre code.language-python");
      assertThat(python).hasClass(Pattern.compile(".*\\bhljs\\b.*"));
      assertThat(python.locator(".hljs-keyword").first()).hasText("def");
      assertThat(python).containsText("<script>window.__pwned=2");
      assertThat(answer.locator("pre code:not([class*=language-])"))
          .not()
          .hasClass(Pattern.compile(".*\\bhljs\\b.*"));
      assertThat(page.locator("link[href='/vendor/highlight/highlight.css']")).hasCount(1);
      assertThat(page.locator("main script, main img[src='x'], main [onerror]")).hasCount(0);
      assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
      assertThat(dialogs).isEmpty();
    }
  }

  @Test
  void aDiagramIsDrawnAsAnImageUnderThePagesPolicy() {
    TestUser user = TestUsers.create();
    openAi.script("Here is the brewing flow.", "Brewing");
    openAi.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/chat/completions"))
        .atPriority(1)
        .withRequestBody(
            com.github.tomakehurst.wiremock.client.WireMock.containing("as a Mermaid diagram"))
        .willReturn(FakeOpenAi.stream(
            "```mermaid\nflowchart TD\n  A[\"Boil water\"] --> B[\"Steep the tea\"]\n```")));
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      List<String> violations = new CopyOnWriteArrayList<>();
      page.onConsoleMessage(message -> {
        if (message.text().contains("Content Security Policy")) {
          violations.add(message.text());
        }
      });
      page.navigate("/chat");
      page.getByLabel("Message").fill("/diagram how to brew tea");
      page.getByLabel("Message").press("Enter");
      Locator answer = page.locator(".msg.khoj").last();
      assertThat(answer).hasAttribute("data-state", "done");

      Locator drawing = answer.locator("figure.diagram img.diagram");
      assertThat(drawing).isVisible();
      assertThat(drawing).hasAttribute("src", Pattern.compile("^data:image/svg\\+xml.*"));
      assertThat(drawing.evaluate("img => img.naturalWidth > 0")).isEqualTo(true);
      assertThat(drawing).hasAttribute("alt", Pattern.compile("^Diagram: flowchart TD"));
      assertThat(answer.locator("figure.diagram details")).containsText("Boil water");
      // Mermaid's drawing area in the page is refused its inline styles (style-src 'self'):
      // harmless, the picture
      // carries its own styles inside the image. No script is ever refused or run.
      assertThat(violations).noneMatch(v -> v.contains("script-src"));
    }
  }

  @Test
  void attachedFilesAndPicturesGoWithTheMessage() {
    TestUser user = TestUsers.create();
    openAi.script("Your list has three teas.", "Tea list");
    byte[] png = java.util.Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/chat");
      page.locator("#chat-attach").setInputFiles(new FilePayload[] {
        new FilePayload(
            "teas.csv",
            "text/csv",
            "name\nsencha\nmatcha\nhojicha\n".getBytes(StandardCharsets.UTF_8)),
        new FilePayload("cup.png", "image/png", png),
        new FilePayload("extra.txt", "text/plain", "remove me".getBytes(StandardCharsets.UTF_8))
      });
      Locator attachments = page.getByLabel("Attachments");
      assertThat(attachments).containsText("teas.csv");
      assertThat(attachments).containsText("cup.png");
      page.getByLabel("Remove extra.txt").click();
      assertThat(attachments).not().containsText("extra.txt");

      page.getByLabel("Message").fill("How many teas are on my list?");
      page.getByLabel("Message").press("Enter");
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
      assertThat(page.locator(".msg.you").last()).containsText("teas.csv");
      assertThat(page.locator(".msg.you").last().locator("img")).hasCount(1);
      assertThat(attachments).isHidden();
    }
    openAi.server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/chat/completions"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("hojicha")));
    user.request()
        .get("/api/chat/history")
        .then()
        .statusCode(200)
        .body("response.chat[0].queryFiles[0].name", org.hamcrest.Matchers.equalTo("teas.csv"))
        .body("response.chat[0].queryFiles", org.hamcrest.Matchers.hasSize(1));
  }

  @Test
  void settingsOfferTheImageModelsToChooseFrom() {
    TestUser admin = TestUsers.createAdmin();
    List<Integer> ids = new java.util.ArrayList<>();
    for (String name : List.of("dall-e-3", "gpt-image-1")) {
      ids.add(admin
          .request()
          .contentType("application/json")
          .body(java.util.Map.of("name", name, "model_type", "openai", "api_key", "sk-x"))
          .post("/api/admin/image-models")
          .then()
          .statusCode(201)
          .extract()
          .path("id"));
    }
    TestUser user = TestUsers.create();
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/settings");
      Locator choice = page.getByLabel("Image model for pictures");
      assertThat(choice).hasValue(String.valueOf(ids.get(0)));
      choice.selectOption(String.valueOf(ids.get(1)));
      assertThat(page.locator("#status")).containsText("Image model saved.");
      user.request()
          .get("/api/settings?detailed=true")
          .then()
          .body("selected_paint_model_config", org.hamcrest.Matchers.equalTo(ids.get(1)));
    } finally {
      ids.forEach(id -> admin.request().delete("/api/admin/image-models/" + id));
    }
  }

  @Test
  void githubAndNotionAreConfiguredInSettings() {
    TestUser user = TestUsers.create();
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/settings");
      page.getByLabel("Repositories", new Page.GetByLabelOptions().setExact(true))
          .fill("octo/notes@main\nocto/site");
      page.getByText("Save GitHub").click();
      assertThat(page.locator("#status")).containsText("GitHub saved");
      page.getByLabel("Integration token").fill("secret_notion_token");
      page.getByText("Save Notion").click();
      assertThat(page.locator("#status")).containsText("Notion saved");

      page.navigate("/settings");
      assertThat(page.getByLabel("Repositories", new Page.GetByLabelOptions().setExact(true)))
          .hasValue("octo/notes@main\nocto/site@main");
      assertThat(page.getByLabel("Integration token")).hasValue("secret_notion_token");
      assertThat(page.getByText("Not synced yet.").first()).isVisible();
    }
    user.request()
        .get("/api/content/github")
        .then()
        .statusCode(200)
        .body("current_config.repos.name", org.hamcrest.Matchers.contains("notes", "site"));
  }

  @Test
  void aSharedConversationOpensForASignedOutVisitor() {
    TestUser user = TestUsers.create();
    openAi.script("Shared wisdom about otters.", "Otters");
    String url;
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.navigate("/chat");
      page.getByLabel("Message").fill("/general tell me about otters");
      page.getByLabel("Message").press("Enter");
      assertThat(page.locator(".msg.khoj").last()).hasAttribute("data-state", "done");
      assertThat(page.locator(".conversations")).containsText("Otters");
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Share Otters"))
          .click();
      Locator link = page.locator("#share-url");
      assertThat(link).hasValue(Pattern.compile("/share/chat/[^/]+/$"));
      url = link.inputValue();
    }
    try (BrowserContext stranger = Browsers.visitor(base)) {
      Page page = stranger.newPage();
      page.navigate(url);
      assertThat(page.locator(".msg.khoj")).containsText("Shared wisdom about otters.");
      assertThat(page.locator(".msg.you")).containsText("tell me about otters");
      assertThat(page.locator("h1")).hasText("Otters");
    }
  }

  @Test
  void aTokenIsShownOnceAndStopsWorkingWhenRevoked() {
    TestUser user = TestUsers.create();
    try (BrowserContext context = Browsers.signedIn(base, user.id())) {
      Page page = context.newPage();
      page.onDialog(dialog -> dialog.accept());
      page.navigate("/settings");
      page.getByLabel("Name (optional)").fill("laptop");
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Create token"))
          .click();
      Locator secret = page.locator("#new-token");
      assertThat(secret).hasValue(Pattern.compile("^kk-"));
      String token = secret.inputValue();
      assertThat(page.locator(".tokens")).containsText("laptop");
      given()
          .header("Authorization", "Bearer " + token)
          .get("/api/v1/user")
          .then()
          .statusCode(200);

      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Revoke laptop"))
          .click();
      assertThat(page.locator(".tokens")).not().containsText("laptop");
      given()
          .header("Authorization", "Bearer " + token)
          .get("/api/v1/user")
          .then()
          .statusCode(403);
    }
  }
}
