package io.khoj4j.adapter.web.in.user;

import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.QueryParams;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.connector.ConnectorsView;
import io.khoj4j.application.port.in.connector.ReadConnectorsQuery;
import io.khoj4j.application.port.in.connector.ReadConnectorsUseCase;
import io.khoj4j.application.port.in.connector.StartNotionOAuthQuery;
import io.khoj4j.application.port.in.connector.StartNotionOAuthUseCase;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.memory.MemorySettings;
import io.khoj4j.application.port.in.memory.MemorySettingsQuery;
import io.khoj4j.application.port.in.memory.QueryMemorySettingsUseCase;
import io.khoj4j.application.port.in.memory.SwitchMemoryCommand;
import io.khoj4j.application.port.in.memory.SwitchMemoryUseCase;
import io.khoj4j.application.port.in.model.ChatModelQuery;
import io.khoj4j.application.port.in.model.ListPaintModelsQuery;
import io.khoj4j.application.port.in.model.ListPaintModelsUseCase;
import io.khoj4j.application.port.in.model.QueryChatModelsUseCase;
import io.khoj4j.application.port.in.subscription.GetSubscriptionUseCase;
import io.khoj4j.application.port.in.subscription.GetSubscriptionUseCase.GetSubscriptionQuery;
import io.khoj4j.application.port.in.subscription.SubscriptionStatus;
import io.khoj4j.application.port.in.user.AccountQuery;
import io.khoj4j.application.port.in.user.DeleteAccountCommand;
import io.khoj4j.application.port.in.user.ManageAccountUseCase;
import io.khoj4j.application.port.in.user.RenameAccountCommand;
import io.khoj4j.application.port.in.voice.QueryVoiceSettingsUseCase;
import io.khoj4j.application.port.in.voice.VoiceSettings;
import io.khoj4j.application.port.in.voice.VoiceSettingsQuery;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.connector.SyncState;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.User;
import io.khoj4j.domain.voice.Voice;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who the caller is and what the server offers them: Khoj's user and settings routes. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

  private final ListPaintModelsUseCase paintModels;
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

  public UserResource(
      CurrentUser currentUser,
      ManageAccountUseCase accounts,
      QueryContentUseCase content,
      QueryChatModelsUseCase models,
      QueryVoiceSettingsUseCase voices,
      QueryMemorySettingsUseCase memorySettings,
      SwitchMemoryUseCase memorySwitch,
      GetSubscriptionUseCase subscriptions,
      ReadConnectorsUseCase connectors,
      StartNotionOAuthUseCase notionOAuth,
      ListPaintModelsUseCase paintModels,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version,
      @ConfigProperty(name = "khoj.anonymous-mode", defaultValue = "false")
          boolean singleUserMode) {
    this.currentUser = currentUser;
    this.paintModels = paintModels;
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
  public UserJson.UserInfo user(@QueryParam("client") String client) {
    User user = user();
    return new UserJson.UserInfo(
        user.email(), user.username(), photo(), subscription().premium(), hasDocuments(), version);
  }

  private String photo() {
    return accounts.photo(new AccountQuery(currentUser.id())).orElse(null);
  }

  private boolean hasDocuments() {
    return content.hasDocuments(new ContentQuery.HasDocuments(currentUser.id()));
  }

  @GET
  @Path("/settings")
  public Object settings(@QueryParam("detailed") String detailed) {
    User user = user();
    boolean hasDocuments = hasDocuments();
    SubscriptionStatus subscription = subscription();
    if (!QueryParams.bool("detailed", detailed, false)) {
      return new UserJson.BriefSettings(
          user.username(), photo(), subscription.premium(), hasDocuments, version);
    }
    Set<ContentType> types = content.types(new ContentQuery.Types(currentUser.id()));
    UserJson.ContentSources sources = new UserJson.ContentSources(
        types.stream().anyMatch(t -> t != ContentType.GITHUB && t != ContentType.NOTION),
        types.contains(ContentType.GITHUB),
        types.contains(ContentType.NOTION));
    ConnectorsView connectorsView = connectors.read(new ReadConnectorsQuery(currentUser.id()));
    MemorySettings memory = memorySettings.settings(new MemorySettingsQuery(currentUser.id()));
    List<UserJson.ModelOption> options = models.options(new ChatModelQuery.Options()).stream()
        .map(m -> new UserJson.ModelOption(
            m.friendlyName(),
            m.id(),
            m.strengths(),
            m.description(),
            m.priceTier().wireName()))
        .toList();
    Long selectedModel = models
        .effective(new ChatModelQuery.Effective(currentUser.id()))
        .map(ChatModel::id)
        .orElse(null);
    List<UserJson.ModelOption> paintOptions = paintModels.list(new ListPaintModelsQuery()).stream()
        .map(m -> new UserJson.ModelOption(m.name(), m.id(), null, null, m.tier()))
        .toList();
    VoiceSettings voice = voices.settings(new VoiceSettingsQuery(currentUser.id()));
    List<UserJson.VoiceOption> voiceOptions = voice.voices().stream()
        .map(v -> new UserJson.VoiceOption(v.name(), v.id(), "free"))
        .toList();
    // content_sync is a khoj4j addition: each connector's sync, its progress and its last error
    UserJson.ContentSync sync = new UserJson.ContentSync(
        syncState(connectorsView.githubState()), syncState(connectorsView.notionState()));
    return new UserJson.Settings(
        user.username(),
        photo(),
        subscription.premium(),
        hasDocuments,
        version,
        user.firstName(),
        "",
        false,
        sources,
        connectorsView.notionToken().orElse(""),
        memory.enabled(),
        memory.mode().wireName(),
        options,
        selectedModel,
        paintOptions,
        paintModels.selectedBy(currentUser.id()).orElse(null),
        voiceOptions,
        voice.selected().map(Voice::id).orElse(null),
        subscription.state().wireName(),
        date(subscription.renewalDate()),
        date(subscription.enabledTrialAt()),
        subscription.subscriptionUrl().orElse(null),
        subscription.billingEnabled(),
        voice.speech(), // the web client shows read-aloud when true
        false,
        singleUserMode,
        notionOAuth.authorizeUrl(new StartNotionOAuthQuery(currentUser.id())).orElse(null),
        sync,
        7);
  }

  /** Khoj's memory switch: {@code {"status":"ok","enable_memory":bool}}. */
  @PATCH
  @Path("/user/memory")
  public UserJson.MemorySwitch memory(@QueryParam("enable_memory") String enableMemory) {
    if (enableMemory == null || enableMemory.isBlank()) {
      throw RequestValidationException.missing("query", "enable_memory");
    }
    boolean enabled = memorySwitch.set(new SwitchMemoryCommand(
        currentUser.id(), QueryParams.bool("enable_memory", enableMemory, false)));
    return new UserJson.MemorySwitch("ok", enabled);
  }

  private static UserJson.Sync syncState(SyncState state) {
    return new UserJson.Sync(
        state.status().wireName(),
        state.lastError().orElse(null),
        state.lastSyncedAt().map(t -> t.atOffset(ZoneOffset.UTC).toString()).orElse(null),
        state.done(),
        state.total());
  }

  @PATCH
  @Path("/user/name")
  public UserJson.Ok rename(@QueryParam("name") String name) {
    if (name == null) {
      throw RequestValidationException.missing("query", "name");
    }
    if (name.strip().split(" ").length > 2) {
      throw new jakarta.ws.rs.WebApplicationException(
          ErrorMappers.json(400, "Name must be in the format: Firstname Lastname"));
    }
    accounts.rename(new RenameAccountCommand(currentUser.id(), name));
    return UserJson.Ok.OK;
  }

  @DELETE
  @Path("/self")
  public UserJson.Ok deleteSelf() {
    if (singleUserMode) {
      throw new jakarta.ws.rs.WebApplicationException(
          ErrorMappers.json(409, "The built-in user of single-user mode cannot be deleted"));
    }
    accounts.delete(new DeleteAccountCommand(currentUser.id()));
    return UserJson.Ok.OK;
  }
}
