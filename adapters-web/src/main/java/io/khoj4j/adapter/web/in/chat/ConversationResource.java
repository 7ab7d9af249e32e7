package io.khoj4j.adapter.web.in.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.QueryParams;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.agent.GetAgentQuery;
import io.khoj4j.application.port.in.agent.GetAgentUseCase;
import io.khoj4j.application.port.in.chat.ConversationView;
import io.khoj4j.application.port.in.chat.CountConversationsQuery;
import io.khoj4j.application.port.in.chat.CountConversationsUseCase;
import io.khoj4j.application.port.in.chat.CreateConversationCommand;
import io.khoj4j.application.port.in.chat.CreateConversationUseCase;
import io.khoj4j.application.port.in.chat.DeleteConversationsCommand;
import io.khoj4j.application.port.in.chat.DeleteConversationsUseCase;
import io.khoj4j.application.port.in.chat.DeleteTurnCommand;
import io.khoj4j.application.port.in.chat.DeleteTurnUseCase;
import io.khoj4j.application.port.in.chat.ExportConversationsQuery;
import io.khoj4j.application.port.in.chat.ExportConversationsUseCase;
import io.khoj4j.application.port.in.chat.FilterConversationFilesCommand;
import io.khoj4j.application.port.in.chat.FilterConversationFilesUseCase;
import io.khoj4j.application.port.in.chat.ForkConversationCommand;
import io.khoj4j.application.port.in.chat.ForkConversationUseCase;
import io.khoj4j.application.port.in.chat.ListChatCommandsQuery;
import io.khoj4j.application.port.in.chat.ListChatCommandsUseCase;
import io.khoj4j.application.port.in.chat.ListConversationsQuery;
import io.khoj4j.application.port.in.chat.ListConversationsUseCase;
import io.khoj4j.application.port.in.chat.ReadConversationQuery;
import io.khoj4j.application.port.in.chat.ReadConversationUseCase;
import io.khoj4j.application.port.in.chat.ReadPublicConversationQuery;
import io.khoj4j.application.port.in.chat.ReadPublicConversationUseCase;
import io.khoj4j.application.port.in.chat.RenameConversationCommand;
import io.khoj4j.application.port.in.chat.RenameConversationUseCase;
import io.khoj4j.application.port.in.chat.ShareConversationCommand;
import io.khoj4j.application.port.in.chat.ShareConversationUseCase;
import io.khoj4j.application.port.in.chat.TitleConversationCommand;
import io.khoj4j.application.port.in.chat.TitleConversationUseCase;
import io.khoj4j.application.port.in.chat.UnshareConversationCommand;
import io.khoj4j.application.port.in.chat.UnshareConversationUseCase;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.chat.PublicConversation;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Khoj's conversation routes under {@code /api/chat}: history, sessions, titles, sharing, filters, export. An unknown
 * (or another user's) conversation, shared copy or turn is Khoj's {@code 404 {"status":"error","message":...}}.
 */
@Path("/api/chat")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

  private final ListChatCommandsUseCase chatCommands;
  private final CurrentUser currentUser;
  private final ReadConversationUseCase readConversation;
  private final DeleteConversationsUseCase deleteConversations;
  private final ListConversationsUseCase listConversations;
  private final CreateConversationUseCase createConversation;
  private final RenameConversationUseCase renameConversation;
  private final TitleConversationUseCase titleConversation;
  private final DeleteTurnUseCase deleteTurn;
  private final FilterConversationFilesUseCase filterConversationFiles;
  private final ShareConversationUseCase shareConversation;
  private final UnshareConversationUseCase unshareConversation;
  private final ReadPublicConversationUseCase readPublicConversation;
  private final ForkConversationUseCase forkConversation;
  private final ExportConversationsUseCase exportConversations;
  private final CountConversationsUseCase countConversations;
  private final GetAgentUseCase getAgent;
  private final AllowedHosts allowedHosts;
  private final boolean noHttps;

  /** One use case per action, each its own in-port and service. */
  public ConversationResource(
      CurrentUser currentUser,
      ReadConversationUseCase readConversation,
      DeleteConversationsUseCase deleteConversations,
      ListConversationsUseCase listConversations,
      CreateConversationUseCase createConversation,
      RenameConversationUseCase renameConversation,
      TitleConversationUseCase titleConversation,
      DeleteTurnUseCase deleteTurn,
      FilterConversationFilesUseCase filterConversationFiles,
      ShareConversationUseCase shareConversation,
      UnshareConversationUseCase unshareConversation,
      ReadPublicConversationUseCase readPublicConversation,
      ForkConversationUseCase forkConversation,
      ExportConversationsUseCase exportConversations,
      CountConversationsUseCase countConversations,
      GetAgentUseCase getAgent,
      ListChatCommandsUseCase chatCommands,
      AllowedHosts allowedHosts,
      @ConfigProperty(name = "khoj.no-https", defaultValue = "false") boolean noHttps) {
    this.currentUser = currentUser;
    this.chatCommands = chatCommands;
    this.readConversation = readConversation;
    this.deleteConversations = deleteConversations;
    this.listConversations = listConversations;
    this.createConversation = createConversation;
    this.renameConversation = renameConversation;
    this.titleConversation = titleConversation;
    this.deleteTurn = deleteTurn;
    this.filterConversationFiles = filterConversationFiles;
    this.shareConversation = shareConversation;
    this.unshareConversation = unshareConversation;
    this.readPublicConversation = readPublicConversation;
    this.forkConversation = forkConversation;
    this.exportConversations = exportConversations;
    this.countConversations = countConversations;
    this.getAgent = getAgent;
    this.allowedHosts = allowedHosts;
    this.noHttps = noHttps;
  }

  /** Khoj answers a missing conversation, shared copy or message with this body rather than {@code detail}. */
  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return Response.status(404)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(status("error", e.getMessage()))
        .build();
  }

  static UUID uuid(String where, String name, String value) {
    if (value == null || value.isBlank()) {
      throw RequestValidationException.missing(where, name);
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw RequestValidationException.of(where, name, "Input should be a valid UUID", value);
    }
  }

  private static Optional<UUID> optionalUuid(String name, String value) {
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(uuid("query", name, value));
  }

  public record Renamed(String status, boolean success) {}

  public record Titled(String status, String title) {}

  public record Shared(String status, String url) {}

  public record Forked(
      String status,
      @JsonProperty("next_url") String nextUrl,
      @JsonProperty("conversation_id") String conversationId) {}

  public record Created(@JsonProperty("conversation_id") String conversationId) {}

  public record Stats(@JsonProperty("num_conversations") long numConversations) {}

  /** Khoj's history body: {@code {"status": "ok", "response": {...}}}. */
  public record History(String status, HistoryResponse response) {}

  /** The log (absent for an empty conversation), id, title, agent, ownership. */
  public record HistoryResponse(
      @JsonInclude(JsonInclude.Include.NON_NULL) List<ChatJson.Message> chat,
      @JsonProperty("conversation_id") String conversationId,
      String slug,
      ChatJson.AgentView agent,
      @JsonProperty("is_owner") boolean isOwner) {}

  /** One conversation of the export, as Khoj's export writes it. */
  public record Exported(
      String title,
      String agent,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("updated_at") String updatedAt,
      @JsonProperty("conversation_log") Log conversationLog,
      @JsonProperty("file_filters") List<String> fileFilters) {}

  public record Log(List<ChatJson.Message> chat) {}

  private static StatusResponse status(String status, String message) {
    return new StatusResponse(status, message);
  }

  static History history(
      UUID id, String slug, List<ChatMessage> messages, String n, boolean owner) {
    return history(id, slug, messages, n, owner, ChatJson.defaultAgent());
  }

  static History history(
      UUID id,
      String slug,
      List<ChatMessage> messages,
      String n,
      boolean owner,
      ChatJson.AgentView agent) {
    List<ChatMessage> shown = messages;
    int count = QueryParams.integer("n", n, 0);
    if (count > 0) {
      shown = messages.subList(Math.max(0, messages.size() - count), messages.size());
    } else if (count < 0) {
      shown = messages.subList(0, Math.max(0, messages.size() + count));
    }
    return new History(
        "ok",
        new HistoryResponse(
            messages.isEmpty() ? null : ChatJson.messages(shown),
            id.toString(),
            slug,
            agent,
            owner));
  }

  @GET
  @Path("/history")
  public History history(
      @QueryParam("conversation_id") String conversationId, @QueryParam("n") String n) {
    QueryParams.integer("n", n, 0);
    ConversationView view = readConversation.read(new ReadConversationQuery(
        currentUser.id(), optionalUuid("conversation_id", conversationId)));
    return history(
        view.conversation().id(),
        view.conversation().displayTitle(),
        view.messages(),
        n,
        true,
        agentOf(view.conversation(), new HashMap<>()));
  }

  /**
   * The conversation's agent as its owner may see it: the built-in one when it has none, or when the agent is no
   * longer readable by them (deleted, or made private by its creator since).
   */
  private ChatJson.AgentView agentOf(Conversation c, Map<String, ChatJson.AgentView> seen) {
    String slug = c.agentSlug();
    if (slug == null || slug.isBlank() || slug.equalsIgnoreCase(Agent.DEFAULT_SLUG.value())) {
      return ChatJson.defaultAgent();
    }
    return seen.computeIfAbsent(slug.toLowerCase(java.util.Locale.ROOT), key -> {
      try {
        return ChatJson.agent(
            getAgent.get(new GetAgentQuery(Optional.of(currentUser.id()), AgentSlug.of(key))),
            currentUser.id());
      } catch (NotFoundException | IllegalArgumentException gone) {
        return ChatJson.defaultAgent();
      }
    });
  }

  @DELETE
  @Path("/history")
  public StatusResponse deleteHistory(@QueryParam("conversation_id") String conversationId) {
    deleteConversations.delete(new DeleteConversationsCommand(
        currentUser.id(), optionalUuid("conversation_id", conversationId)));
    return status("ok", "Conversation history cleared");
  }

  @GET
  @Path("/sessions")
  public List<ChatJson.Session> sessions(@QueryParam("recent") String recent) {
    int limit = QueryParams.bool("recent", recent, false) ? 8 : 0;
    Map<String, ChatJson.AgentView> seen = new HashMap<>();
    return listConversations.list(new ListConversationsQuery(currentUser.id(), limit)).stream()
        .map(c -> ChatJson.session(c, agentOf(c, seen)))
        .toList();
  }

  @POST
  @Path("/sessions")
  public Response createSession(@QueryParam("agent_slug") String agentSlug) {
    Conversation c;
    try {
      c = createConversation.create(
          new CreateConversationCommand(currentUser.id(), Optional.ofNullable(agentSlug)));
    } catch (InvalidInputException e) {
      return ErrorMappers.json(
          400, e.getMessage()); // a slug that cannot be one: Khoj's 400 "No such agent …"
    }
    // An agent the caller may not read is NotFoundException: 404 in the status body (notFound
    // below).
    return Response.ok(new Created(c.id().toString())).build();
  }

  @PATCH
  @Path("/title")
  public Renamed setTitle(
      @QueryParam("conversation_id") String conversationId, @QueryParam("title") String title) {
    if (title == null) {
      throw RequestValidationException.missing("query", "title");
    }
    UUID id = uuid("query", "conversation_id", conversationId);
    renameConversation.rename(new RenameConversationCommand(currentUser.id(), id, title));
    return new Renamed("ok", true);
  }

  @POST
  @Path("/title")
  public Titled generateTitle(@QueryParam("conversation_id") String conversationId) {
    String title = titleConversation.title(new TitleConversationCommand(
        currentUser.id(), uuid("query", "conversation_id", conversationId)));
    return new Titled("ok", title);
  }

  public record TurnBody(String conversation_id, String turn_id) {}

  @DELETE
  @Path("/conversation/message")
  @Consumes(MediaType.APPLICATION_JSON)
  public StatusResponse deleteTurn(TurnBody body) {
    if (body == null || body.turn_id() == null || body.turn_id().isBlank()) {
      throw RequestValidationException.missing("body", "turn_id");
    }
    deleteTurn.delete(new DeleteTurnCommand(
        currentUser.id(), uuid("body", "conversation_id", body.conversation_id()), body.turn_id()));
    return status("ok", null);
  }

  @GET
  @Path("/conversation/file-filters/{conversationId}")
  public List<String> fileFilters(@PathParam("conversationId") String conversationId) {
    return filters(new FilterConversationFilesCommand(
        currentUser.id(), uuid("path", "conversation_id", conversationId), List.of(), List.of()));
  }

  /** Khoj's file-filter routes name no id when the conversation is missing. */
  private List<String> filters(FilterConversationFilesCommand request) {
    try {
      return filterConversationFiles.filter(request);
    } catch (NotFoundException e) {
      throw new NotFoundException("Conversation not found");
    }
  }

  public record FilterBody(String filename, List<String> filenames, String conversation_id) {}

  private List<String> changeFilters(FilterBody body, boolean add, boolean bulk) {
    if (body == null) {
      throw RequestValidationException.missing("body", "conversation_id");
    }
    List<String> files =
        bulk ? body.filenames() : (body.filename() == null ? null : List.of(body.filename()));
    if (files == null) {
      throw RequestValidationException.missing("body", bulk ? "filenames" : "filename");
    }
    UUID id = uuid("body", "conversation_id", body.conversation_id());
    return filters(new FilterConversationFilesCommand(
        currentUser.id(), id, add ? files : List.of(), add ? List.of() : files));
  }

  @POST
  @Path("/conversation/file-filters")
  @Consumes(MediaType.APPLICATION_JSON)
  public List<String> addFilter(FilterBody body) {
    return changeFilters(body, true, false);
  }

  @DELETE
  @Path("/conversation/file-filters")
  @Consumes(MediaType.APPLICATION_JSON)
  public List<String> removeFilter(FilterBody body) {
    return changeFilters(body, false, false);
  }

  @POST
  @Path("/conversation/file-filters/bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  public List<String> addFilters(FilterBody body) {
    return changeFilters(body, true, true);
  }

  @DELETE
  @Path("/conversation/file-filters/bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  public List<String> removeFilters(FilterBody body) {
    return changeFilters(body, false, true);
  }

  @POST
  @Path("/share")
  public Response share(
      @QueryParam("conversation_id") String conversationId, @HeaderParam("Host") String host) {
    UUID id = uuid("query", "conversation_id", conversationId);
    String hostname = AllowedHosts.hostOf(host);
    if (!allowedHosts.allows(hostname)) {
      return ErrorMappers.json(401, "Unauthorized domain");
    }
    String slug = shareConversation.share(new ShareConversationCommand(currentUser.id(), id));
    boolean local = Set.of("localhost", "127.0.0.1", "::1").contains(hostname);
    String scheme = noHttps || local ? "http" : "https";
    return Response.ok(new Shared("ok", scheme + "://" + host + "/share/chat/" + slug + "/"))
        .build();
  }

  @DELETE
  @Path("/share")
  public Response unshare(@QueryParam("public_conversation_slug") String slug) {
    if (slug == null || slug.isBlank()) {
      throw RequestValidationException.missing("query", "public_conversation_slug");
    }
    unshareConversation.unshare(new UnshareConversationCommand(currentUser.id(), slug));
    return Response.status(301).location(URI.create("/chat")).build();
  }

  @GET
  @Path("/share/history")
  @PermitAll
  public History publicHistory(
      @QueryParam("public_conversation_slug") String slug, @QueryParam("n") String n) {
    if (slug == null || slug.isBlank()) {
      throw RequestValidationException.missing("query", "public_conversation_slug");
    }
    PublicConversation copy = readPublicConversation.read(new ReadPublicConversationQuery(slug));
    boolean owner =
        currentUser.find().map(u -> u.id().equals(copy.sourceOwner())).orElse(false);
    UUID id = UUID.nameUUIDFromBytes(copy.slug().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return history(
        id,
        copy.title() == null ? null : copy.title().replace('-', ' '),
        copy.messages(),
        n,
        owner);
  }

  @POST
  @Path("/share/fork")
  public Forked fork(@QueryParam("public_conversation_slug") String slug) {
    if (slug == null || slug.isBlank()) {
      throw RequestValidationException.missing("query", "public_conversation_slug");
    }
    UUID id = forkConversation.fork(new ForkConversationCommand(currentUser.id(), slug));
    return new Forked("ok", "/chat", id.toString());
  }

  @GET
  @Path("/export")
  public List<Exported> export(
      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    int from = QueryParams.integer("offset", offset, 0);
    int size = QueryParams.integer("limit", limit, 10);
    if (from < 0) {
      throw RequestValidationException.of(
          "query", "offset", "Input should be greater than or equal to 0", offset);
    }
    if (size < 1 || size > 100) {
      throw RequestValidationException.of(
          "query", "limit", "Input should be between 1 and 100", limit);
    }
    Map<String, ChatJson.AgentView> seen = new HashMap<>();
    return exportConversations
        .export(new ExportConversationsQuery(currentUser.id(), from, size))
        .stream()
        .map(v -> new Exported(
            v.conversation().displayTitle(),
            agentOf(v.conversation(), seen).name(),
            ChatJson.created(v.conversation().createdAt()),
            ChatJson.created(v.conversation().updatedAt()),
            new Log(ChatJson.messages(v.messages())),
            v.conversation().fileFilters()))
        .toList();
  }

  @GET
  @Path("/stats")
  public Stats stats() {
    return new Stats(countConversations.count(new CountConversationsQuery(currentUser.id())));
  }

  @GET
  @Path("/options")
  @PermitAll
  public Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    for (ConversationCommand command : chatCommands.list(new ListChatCommandsQuery())) {
      options.put(command.keyword(), description(command));
    }
    return options;
  }

  private static String description(ConversationCommand command) {
    return switch (command) {
      case GENERAL -> "Answer from general knowledge only, without your notes.";
      case NOTES -> "Answer only from what is in your notes and documents.";
      case ONLINE -> "Look things up on the internet.";
      case WEBPAGE -> "Read a web page and answer from it.";
      case CODE -> "Write and run Python code for calculations, data and charts.";
      case IMAGE -> "Paint an image from your description.";
      case DIAGRAM -> "Draw a flowchart or diagram of an idea.";
      case RESEARCH -> "Research a topic in several steps for a thorough answer (slower).";
      default -> command.keyword();
    };
  }
}
