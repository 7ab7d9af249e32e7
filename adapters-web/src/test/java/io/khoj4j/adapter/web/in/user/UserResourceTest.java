package io.khoj4j.adapter.web.in.user;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.khoj4j.application.port.in.connector.ConnectorsView;
import io.khoj4j.application.port.in.connector.ReadConnectorsQuery;
import io.khoj4j.application.port.in.connector.StartNotionOAuthQuery;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.FilePage;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.memory.MemorySettings;
import io.khoj4j.application.port.in.memory.MemorySettingsQuery;
import io.khoj4j.application.port.in.memory.SwitchMemoryCommand;
import io.khoj4j.application.port.in.model.ChatModelQuery;
import io.khoj4j.application.port.in.model.QueryChatModelsUseCase;
import io.khoj4j.application.port.in.subscription.GetSubscriptionUseCase.GetSubscriptionQuery;
import io.khoj4j.application.port.in.subscription.SubscriptionStatus;
import io.khoj4j.application.port.in.user.AccountQuery;
import io.khoj4j.application.port.in.user.DeleteAccountCommand;
import io.khoj4j.application.port.in.user.ManageAccountUseCase;
import io.khoj4j.application.port.in.user.RenameAccountCommand;
import io.khoj4j.application.port.in.voice.VoiceSettings;
import io.khoj4j.application.port.in.voice.VoiceSettingsQuery;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.chat.ModelVendor;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.memory.MemoryMode;
import io.khoj4j.domain.subscription.SubscriptionState;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.voice.Voice;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Slice test of {@link UserResource}: {@code /api/v1/user}, both shapes of {@code /api/settings}, the name and
 * memory switches and account deletion, with the use cases faked and the caller's id checked on each call.
 */
class UserResourceTest {

  private static final Instant AT = Instant.parse("2026-03-07T10:00:00Z");
  private static final User USER =
      new User(ALICE, "alice", "alice@example.org", "Alice", "Liddell", true, false, AT);

  private final List<Object> received = new ArrayList<>();

  private final ManageAccountUseCase accounts = new ManageAccountUseCase() {
    @Override
    public User get(AccountQuery q) {
      received.add(q);
      return USER;
    }

    @Override
    public Optional<String> photo(AccountQuery q) {
      received.add(q);
      return Optional.of("https://img.example/alice.png");
    }

    @Override
    public User rename(RenameAccountCommand c) {
      received.add(c);
      return USER;
    }

    @Override
    public void delete(DeleteAccountCommand c) {
      received.add(c);
    }
  };

  private final QueryContentUseCase content = new QueryContentUseCase() {
    @Override
    public Set<ContentType> types(ContentQuery.Types q) {
      received.add(q);
      return Set.of(ContentType.MARKDOWN, ContentType.GITHUB);
    }

    @Override
    public FilePage files(ContentQuery.Files q) {
      throw new AssertionError("not used");
    }

    @Override
    public IndexedFile file(ContentQuery.File q) {
      throw new AssertionError("not used");
    }

    @Override
    public List<String> sourceFiles(ContentQuery.SourceFiles q) {
      throw new AssertionError("not used");
    }

    @Override
    public boolean hasDocuments(ContentQuery.HasDocuments q) {
      received.add(q);
      return true;
    }

    @Override
    public long indexedBytes(ContentQuery.IndexedBytes q) {
      throw new AssertionError("not used");
    }
  };

  private final QueryChatModelsUseCase models = new QueryChatModelsUseCase() {
    @Override
    public List<ChatModel> options(ChatModelQuery.Options q) {
      return List.of(new ChatModel(
          3,
          "gpt-4o-mini",
          "GPT 4o mini",
          ModelVendor.OPENAI,
          null,
          true,
          ChatModel.PriceTier.FREE,
          "Fast",
          "Everyday questions",
          null));
    }

    @Override
    public Optional<ChatModel> effective(ChatModelQuery.Effective q) {
      received.add(q);
      return options(new ChatModelQuery.Options()).stream().findFirst();
    }

    @Override
    public List<AiModelApi> apis(ChatModelQuery.Options q) {
      return List.of();
    }
  };

  /** The server's image models; none unless a test configures one. */
  private List<io.khoj4j.application.port.in.model.PaintModelOption> paintModels = List.of();

  private UserResource resource(boolean singleUserMode) {
    return new UserResource(
        alice(),
        accounts,
        content,
        models,
        q -> {
          received.add(q);
          return new VoiceSettings(
              List.of(new Voice("v1", "Rachel")), Optional.of(new Voice("v1", "Rachel")), true);
        },
        q -> {
          received.add(q);
          return new MemorySettings(MemoryMode.ENABLED_DEFAULT_ON, true);
        },
        c -> {
          received.add(c);
          return c.enabled();
        },
        q -> {
          received.add(q);
          return new SubscriptionStatus(
              SubscriptionState.TRIAL,
              true,
              Optional.of(AT),
              Optional.of(AT),
              false,
              Optional.empty());
        },
        q -> {
          received.add(q);
          return new ConnectorsView(
              Optional.empty(),
              Optional.of("secret_notion"),
              new SyncState(SyncState.Status.OK, Optional.empty(), Optional.of(AT), 4, 4),
              new SyncState(
                  SyncState.Status.FAILING, Optional.of("token revoked"), Optional.empty(), 1, 9));
        },
        q -> {
          received.add(q);
          return Optional.of("https://api.notion.com/v1/oauth/authorize?state=s");
        },
        new io.khoj4j.application.port.in.model.ListPaintModelsUseCase() {
          @Override
          public List<io.khoj4j.application.port.in.model.PaintModelOption> list(
              io.khoj4j.application.port.in.model.ListPaintModelsQuery query) {
            return paintModels;
          }

          @Override
          public java.util.Optional<Long> selectedBy(io.khoj4j.domain.user.UserId user) {
            return paintModels.stream().findFirst().map(o -> o.id());
          }
        },
        "1.2.3",
        singleUserMode);
  }

  @Test
  void userInfoIsKhojsShapeForTheCaller() {
    String body = json(resource(false).user("web"));

    assertThat(body)
        .isEqualTo("{\"email\":\"alice@example.org\",\"username\":\"alice\","
            + "\"photo\":\"https://img.example/alice.png\",\"is_active\":true,\"has_documents\":true,"
            + "\"khoj_version\":\"1.2.3\"}");
    assertThat(received)
        .contains(
            new AccountQuery(ALICE),
            new GetSubscriptionQuery(ALICE),
            new ContentQuery.HasDocuments(ALICE));
    // whether the user has documents is an index probe; their types and size are read only where
    // shown
    assertThat(received)
        .noneMatch(q -> q instanceof ContentQuery.Types || q instanceof ContentQuery.IndexedBytes);
  }

  @Test
  void briefSettingsCarryOnlyTheFiveFields() {
    assertThat(json(resource(false).settings(null)))
        .isEqualTo("{\"username\":\"alice\","
            + "\"user_photo\":\"https://img.example/alice.png\",\"is_active\":true,\"has_documents\":true,"
            + "\"khoj_version\":\"1.2.3\"}");
    assertThat(json(resource(false).settings("false"))).doesNotContain("chat_model_options");
    assertThat(received).contains(new ContentQuery.HasDocuments(ALICE));
    assertThat(received)
        .noneMatch(q -> q instanceof ContentQuery.Types || q instanceof ContentQuery.IndexedBytes);
  }

  @Test
  void aConfiguredImageModelIsOfferedAndSelected() {
    paintModels =
        List.of(new io.khoj4j.application.port.in.model.PaintModelOption(1, "gpt-image-1", "free"));

    String body = json(resource(false).settings("true"));

    assertThat(body)
        .contains("\"paint_model_options\":[{\"name\":\"gpt-image-1\",\"id\":1,")
        .contains("\"selected_paint_model_config\":1");
  }

  @Test
  void detailedSettingsAreWhatKhojsWebAppReadsPlusContentSync() {
    String body = json(resource(true).settings("true"));

    assertThat(body)
        .isEqualTo("{\"username\":\"alice\",\"user_photo\":\"https://img.example/alice.png\","
            + "\"is_active\":true,\"has_documents\":true,\"khoj_version\":\"1.2.3\",\"given_name\":\"Alice\","
            + "\"phone_number\":\"\",\"is_phone_number_verified\":false,"
            + "\"enabled_content_source\":{\"computer\":true,\"github\":true,\"notion\":false},"
            + "\"notion_token\":\"secret_notion\",\"enable_memory\":true,\"server_memory_mode\":\"enabled_default_on\","
            + "\"chat_model_options\":[{\"name\":\"GPT 4o mini\",\"id\":3,\"strengths\":\"Everyday questions\","
            + "\"description\":\"Fast\",\"tier\":\"free\"}],\"selected_chat_model_config\":3,"
            + "\"paint_model_options\":[],\"selected_paint_model_config\":null,"
            + "\"voice_model_options\":[{\"name\":\"Rachel\",\"id\":\"v1\",\"tier\":\"free\"}],"
            + "\"selected_voice_model_config\":\"v1\",\"subscription_state\":\"trial\","
            + "\"subscription_renewal_date\":\"07 Mar 2026\",\"subscription_enabled_trial_at\":\"07 Mar 2026\","
            + "\"khoj_cloud_subscription_url\":null,\"billing_enabled\":false,\"is_eleven_labs_enabled\":true,"
            + "\"is_twilio_enabled\":false,\"anonymous_mode\":true,"
            + "\"notion_oauth_url\":\"https://api.notion.com/v1/oauth/authorize?state=s\","
            + "\"content_sync\":{\"github\":{\"status\":\"ok\",\"last_error\":null,"
            + "\"last_synced_at\":\"2026-03-07T10:00Z\",\"done\":4,\"total\":4},\"notion\":{\"status\":\"failing\","
            + "\"last_error\":\"token revoked\",\"last_synced_at\":null,\"done\":1,\"total\":9}},"
            + "\"length_of_free_trial\":7}");
    assertThat(received)
        .contains(
            new ReadConnectorsQuery(ALICE),
            new MemorySettingsQuery(ALICE),
            new ChatModelQuery.Effective(ALICE),
            new VoiceSettingsQuery(ALICE),
            new StartNotionOAuthQuery(ALICE),
            new ContentQuery.HasDocuments(ALICE),
            new ContentQuery.Types(ALICE));
  }

  @Test
  void aDetailedFlagThatIsNoBooleanIsAValidationError() {
    rejects(() -> resource(false).settings("very"), "query", "detailed");
  }

  @Test
  void theMemorySwitchIsStoredForTheCallerAndEchoed() {
    assertThat(json(resource(false).memory("false")))
        .isEqualTo("{\"status\":\"ok\",\"enable_memory\":false}");
    assertThat(resource(false).memory("true").enableMemory()).isTrue();
    assertThat(received)
        .containsExactly(
            new SwitchMemoryCommand(ALICE, false), new SwitchMemoryCommand(ALICE, true));
  }

  @Test
  void theMemorySwitchNeedsABooleanAndNothingIsStoredOtherwise() {
    rejects(() -> resource(false).memory(null), "query", "enable_memory");
    rejects(() -> resource(false).memory(" "), "query", "enable_memory");
    rejects(() -> resource(false).memory("maybe"), "query", "enable_memory");
    assertThat(received).isEmpty();
  }

  @Test
  void renameChangesTheCallersNameAndRefusesThreeWordsWithKhojs400() {
    assertThat(json(resource(false).rename("Alice Liddell"))).isEqualTo("{\"status\":\"ok\"}");
    assertThat(received).containsExactly(new RenameAccountCommand(ALICE, "Alice Liddell"));

    received.clear();
    WebApplicationException e = catchThrowableOfType(
        WebApplicationException.class, () -> resource(false).rename("Alice Pleasance Liddell"));
    assertThat(e.getResponse().getStatus()).isEqualTo(400);
    assertThat(json(e.getResponse().getEntity()))
        .isEqualTo("{\"detail\":\"Name must be in the format: Firstname Lastname\"}");
    rejects(() -> resource(false).rename(null), "query", "name");
    assertThat(received).isEmpty();
  }

  @Test
  void deleteSelfDeletesTheCallerButNotTheSingleUserModesBuiltInUser() {
    assertThat(json(resource(false).deleteSelf())).isEqualTo("{\"status\":\"ok\"}");
    assertThat(received).containsExactly(new DeleteAccountCommand(ALICE));

    received.clear();
    WebApplicationException e =
        catchThrowableOfType(WebApplicationException.class, () -> resource(true).deleteSelf());
    assertThat(e.getResponse().getStatus()).isEqualTo(409);
    assertThat(received).isEmpty();
  }
}
