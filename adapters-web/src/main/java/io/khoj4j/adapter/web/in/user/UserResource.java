package io.khoj4j.adapter.web.in.user;

import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.QueryParams;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.connector.ConnectorsView;
import io.khoj4j.application.port.in.connector.ReadConnectorsQuery;
import io.khoj4j.application.port.in.connector.ReadConnectorsUseCase;
import io.khoj4j.application.port.in.connector.StartNotionOAuthQuery;
import io.khoj4j.application.port.in.connector.StartNotionOAuthUseCase;
import io.khoj4j.application.port.in.content.ContentOverview;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.model.ChatModelQuery;
import io.khoj4j.application.port.in.model.QueryChatModelsUseCase;
import io.khoj4j.application.port.in.subscription.GetSubscriptionUseCase;
import io.khoj4j.application.port.in.subscription.GetSubscriptionUseCase.GetSubscriptionQuery;
import io.khoj4j.application.port.in.subscription.SubscriptionStatus;
import io.khoj4j.application.port.in.user.AccountQuery;
import io.khoj4j.application.port.in.user.DeleteAccountCommand;
import io.khoj4j.application.port.in.user.RenameAccountCommand;
import io.khoj4j.application.port.in.user.ManageAccountUseCase;
import io.khoj4j.application.port.in.memory.MemorySettings;
import io.khoj4j.application.port.in.memory.MemorySettingsQuery;
import io.khoj4j.application.port.in.memory.QueryMemorySettingsUseCase;
import io.khoj4j.application.port.in.memory.SwitchMemoryCommand;
import io.khoj4j.application.port.in.memory.SwitchMemoryUseCase;
import io.khoj4j.application.port.in.voice.QueryVoiceSettingsUseCase;
import io.khoj4j.application.port.in.voice.VoiceSettings;
import io.khoj4j.application.port.in.voice.VoiceSettingsQuery;
import io.khoj4j.domain.voice.Voice;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.User;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who the caller is and what the server offers them: Khoj's user and settings routes. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

  private final CurrentUser currentUser;
  private final ManageAccountUseCase accounts;
  private final QueryContentUseCase content;
  private final QueryChatModelsUseCase models;
  private final QueryVoiceSettingsUseCase voices;
  private final QueryMemorySettingsUseCase memorySettings;
  private final SwitchMemoryUseCase memorySwitch;
  private final GetSubscriptionUseCase subscriptions;
  private final ReadConnectorsUseCase connectors;
  private final StartNotionOAuthUseCase notionOAuth;
  private final String version;
  private final boolean singleUserMode;

  public UserResource(CurrentUser currentUser, ManageAccountUseCase accounts, QueryContentUseCase content,
      QueryChatModelsUseCase models, QueryVoiceSettingsUseCase voices, QueryMemorySettingsUseCase memorySettings,
      SwitchMemoryUseCase memorySwitch, GetSubscriptionUseCase subscriptions, ReadConnectorsUseCase connectors,
      StartNotionOAuthUseCase notionOAuth,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version,
      @ConfigProperty(name = "khoj.anonymous-mode", defaultValue = "false") boolean singleUserMode) {
    this.currentUser = currentUser;
    this.accounts = accounts;
    this.content = content;
    this.models = models;
    this.voices = voices;
    this.memorySettings = memorySettings;
    this.memorySwitch = memorySwitch;
    this.subscriptions = subscriptions;
    this.connectors = connectors;
    this.notionOAuth = notionOAuth;
    this.version = version;
    this.singleUserMode = singleUserMode;
  }

  /** Khoj's {@code %d %b %Y}, e.g. {@code 07 Mar 2026}, in UTC. */
  private static final DateTimeFormatter KHOJ_DATE =
      DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private SubscriptionStatus subscription() {
    return subscriptions.get(new GetSubscriptionQuery(currentUser.id()));
  }

  private static String date(java.util.Optional<Instant> instant) {
    return instant.map(KHOJ_DATE::format).orElse(null);
  }

  private User user() {
    return accounts.get(new AccountQuery(currentUser.id()));
  }

  @GET
  @Path("/v1/user")
  public Map<String, Object> user(@QueryParam("client") String client) {
    User user = user();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", user.email());
    body.put("username", user.username());
    body.put("photo", photo());
    body.put("is_active", subscription().premium());
    body.put("has_documents", overview().hasDocuments());
    body.put("khoj_version", version);
    return body;
  }

  private String photo() {
    return accounts.photo(new AccountQuery(currentUser.id())).orElse(null);
  }

  private ContentOverview overview() {
    return content.overview(new ContentQuery.Overview(currentUser.id()));
  }

  @GET
  @Path("/settings")
  public Map<String, Object> settings(@QueryParam("detailed") String detailed) {
    User user = user();
    ContentOverview overview = overview();
    SubscriptionStatus subscription = subscription();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", user.username());
    body.put("user_photo", photo());
    body.put("is_active", subscription.premium());
    body.put("has_documents", overview.hasDocuments());
    body.put("khoj_version", version);
    if (!QueryParams.bool("detailed", detailed, false)) {
      return body;
    }
    body.put("given_name", user.firstName());
    body.put("phone_number", "");
    body.put("is_phone_number_verified", false);
    Map<String, Object> sources = new LinkedHashMap<>();
    sources.put("computer", overview.types().stream().anyMatch(t -> t != ContentType.GITHUB && t != ContentType.NOTION));
    sources.put("github", overview.types().contains(ContentType.GITHUB));
    sources.put("notion", overview.types().contains(ContentType.NOTION));
    body.put("enabled_content_source", sources);
    ConnectorsView connectorsView = connectors.read(new ReadConnectorsQuery(currentUser.id()));
    body.put("notion_token", connectorsView.notionToken().orElse(""));
    MemorySettings memory = memorySettings.settings(new MemorySettingsQuery(currentUser.id()));
    body.put("enable_memory", memory.enabled());
    body.put("server_memory_mode", memory.mode().wireName());
    List<ChatModel> options = models.options(new ChatModelQuery.Options());
    body.put("chat_model_options", options.stream().map(m -> {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", m.friendlyName());
      o.put("id", m.id());
      o.put("strengths", m.strengths());
      o.put("description", m.description());
      o.put("tier", m.priceTier().wireName());
      return o;
    }).toList());
    body.put("selected_chat_model_config",
        models.effective(new ChatModelQuery.Effective(currentUser.id())).map(ChatModel::id).orElse(null));
    body.put("paint_model_options", List.of());
    body.put("selected_paint_model_config", null);
    VoiceSettings voice = voices.settings(new VoiceSettingsQuery(currentUser.id()));
    body.put("voice_model_options", voice.voices().stream().map(v -> {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", v.name());
      o.put("id", v.id());
      o.put("tier", "free");
      return o;
    }).toList());
    body.put("selected_voice_model_config", voice.selected().map(Voice::id).orElse(null));
    body.put("subscription_state", subscription.state().wireName());
    body.put("subscription_renewal_date", date(subscription.renewalDate()));
    body.put("subscription_enabled_trial_at", date(subscription.enabledTrialAt()));
    body.put("khoj_cloud_subscription_url", subscription.subscriptionUrl().orElse(null));
    body.put("billing_enabled", subscription.billingEnabled());
    body.put("is_eleven_labs_enabled", voice.speech()); // the web client shows read-aloud when true
    body.put("is_twilio_enabled", false);
    body.put("anonymous_mode", singleUserMode);
    body.put("notion_oauth_url",
        notionOAuth.authorizeUrl(new StartNotionOAuthQuery(currentUser.id())).orElse(null));
    // a khoj4j addition: each connector's sync, its progress and its last error
    Map<String, Object> sync = new LinkedHashMap<>();
    sync.put("github", syncState(connectorsView.githubState()));
    sync.put("notion", syncState(connectorsView.notionState()));
    body.put("content_sync", sync);
    body.put("length_of_free_trial", 7);
    return body;
  }

  /** Khoj's memory switch: {@code {"status":"ok","enable_memory":bool}}. */
  @PATCH
  @Path("/user/memory")
  public Map<String, Object> memory(@QueryParam("enable_memory") String enableMemory) {
    if (enableMemory == null || enableMemory.isBlank()) {
      throw RequestValidationException.missing("query", "enable_memory");
    }
    boolean enabled = memorySwitch.set(new SwitchMemoryCommand(currentUser.id(),
        QueryParams.bool("enable_memory", enableMemory, false)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("enable_memory", enabled);
    return body;
  }

  private static Map<String, Object> syncState(SyncState state) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", state.status().wireName());
    m.put("last_error", state.lastError().orElse(null));
    m.put("last_synced_at", state.lastSyncedAt().map(t -> t.atOffset(java.time.ZoneOffset.UTC).toString()).orElse(null));
    m.put("done", state.done());
    m.put("total", state.total());
    return m;
  }

  @PATCH
  @Path("/user/name")
  public Map<String, Object> rename(@QueryParam("name") String name) {
    if (name == null) {
      throw RequestValidationException.missing("query", "name");
    }
    if (name.strip().split(" ").length > 2) {
      return error400("Name must be in the format: Firstname Lastname");
    }
    accounts.rename(new RenameAccountCommand(currentUser.id(), name));
    return Map.of("status", "ok");
  }

  private static Map<String, Object> error400(String detail) {
    throw new jakarta.ws.rs.WebApplicationException(jakarta.ws.rs.core.Response.status(400)
        .type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("detail", detail)).build());
  }

  @DELETE
  @Path("/self")
  public Map<String, Object> deleteSelf() {
    if (singleUserMode) {
      throw new jakarta.ws.rs.WebApplicationException(jakarta.ws.rs.core.Response.status(409)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("detail", "The built-in user of single-user mode cannot be deleted")).build());
    }
    accounts.delete(new DeleteAccountCommand(currentUser.id()));
    return Map.of("status", "ok");
  }
}
