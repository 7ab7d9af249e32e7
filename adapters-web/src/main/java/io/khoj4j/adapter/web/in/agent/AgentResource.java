package io.khoj4j.adapter.web.in.agent;

import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.AgentOptions;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.AgentPacket;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.ConversationAgentPacket;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.ErrorBody;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.HiddenAgentBody;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.HiddenAgentPacket;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.MessageBody;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.ModifyAgentBody;
import io.khoj4j.adapter.web.security.AuthenticatedUser;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.agent.AgentSettings;
import io.khoj4j.application.port.in.agent.CreateAgentCommand;
import io.khoj4j.application.port.in.agent.CreateAgentUseCase;
import io.khoj4j.application.port.in.agent.CreateHiddenAgentCommand;
import io.khoj4j.application.port.in.agent.CreateHiddenAgentUseCase;
import io.khoj4j.application.port.in.agent.DeleteAgentCommand;
import io.khoj4j.application.port.in.agent.DeleteAgentUseCase;
import io.khoj4j.application.port.in.agent.GetAgentQuery;
import io.khoj4j.application.port.in.agent.GetAgentUseCase;
import io.khoj4j.application.port.in.agent.GetConversationAgentQuery;
import io.khoj4j.application.port.in.agent.GetConversationAgentUseCase;
import io.khoj4j.application.port.in.agent.HiddenAgentSettings;
import io.khoj4j.application.port.in.agent.ListAgentsQuery;
import io.khoj4j.application.port.in.agent.ListAgentsUseCase;
import io.khoj4j.application.port.in.agent.UpdateAgentCommand;
import io.khoj4j.application.port.in.agent.UpdateAgentUseCase;
import io.khoj4j.application.port.in.agent.UpdateHiddenAgentCommand;
import io.khoj4j.application.port.in.agent.UpdateHiddenAgentUseCase;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.agent.AgentInputTool;
import io.khoj4j.domain.agent.AgentOutputMode;
import io.khoj4j.domain.agent.AgentPrivacy;
import io.khoj4j.domain.agent.AgentSlug;
import io.khoj4j.domain.user.UserId;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Khoj's agents routes ({@code /api/agents}). Failures answer as Khoj does, {@code {"error": ...}}: an agent the
 * caller may not read is 404 everywhere; changing or deleting someone else's readable agent is 403 (where Khoj
 * answered 500 or pretended to delete).
 */
@Path("/api/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

  private final CurrentUser currentUser;
  private final ListAgentsUseCase listAgents;
  private final GetAgentUseCase getAgent;
  private final CreateAgentUseCase createAgent;
  private final UpdateAgentUseCase updateAgent;
  private final DeleteAgentUseCase deleteAgent;
  private final GetConversationAgentUseCase conversationAgent;
  private final CreateHiddenAgentUseCase createHidden;
  private final UpdateHiddenAgentUseCase updateHidden;

  public AgentResource(
      CurrentUser currentUser,
      ListAgentsUseCase listAgents,
      GetAgentUseCase getAgent,
      CreateAgentUseCase createAgent,
      UpdateAgentUseCase updateAgent,
      DeleteAgentUseCase deleteAgent,
      GetConversationAgentUseCase conversationAgent,
      CreateHiddenAgentUseCase createHidden,
      UpdateHiddenAgentUseCase updateHidden) {
    this.currentUser = currentUser;
    this.listAgents = listAgents;
    this.getAgent = getAgent;
    this.createAgent = createAgent;
    this.updateAgent = updateAgent;
    this.deleteAgent = deleteAgent;
    this.conversationAgent = conversationAgent;
    this.createHidden = createHidden;
    this.updateHidden = updateHidden;
  }

  @GET
  @PermitAll
  public List<AgentPacket> list() {
    Optional<AuthenticatedUser> viewer = currentUser.find();
    return listAgents.list(new ListAgentsQuery(viewer.map(AuthenticatedUser::id))).stream()
        .map(a -> AgentPacket.of(a, creatorName(a, viewer)))
        .toList();
  }

  @GET
  @PermitAll
  @Path("/options")
  public AgentOptions options() {
    Map<String, String> tools = new LinkedHashMap<>();
    tools.put(AgentInputTool.GENERAL.wireName(), "Answer from the model's own knowledge.");
    tools.put(AgentInputTool.ONLINE.wireName(), "Search the internet for current information.");
    tools.put(AgentInputTool.NOTES.wireName(), "Search the notes and documents you shared.");
    tools.put(AgentInputTool.WEBPAGE.wireName(), "Read the web pages you link to.");
    tools.put(
        AgentInputTool.CODE.wireName(), "Run code to calculate, analyse data or draw charts.");
    Map<String, String> modes = new LinkedHashMap<>();
    modes.put(AgentOutputMode.IMAGE.wireName(), "Paint images.");
    modes.put(AgentOutputMode.DIAGRAM.wireName(), "Draw diagrams.");
    return new AgentOptions(tools, modes);
  }

  /** The agent of one of the caller's conversations; someone else's conversation is not found. */
  @GET
  @Authenticated
  @Path("/conversation")
  public Response conversation(@QueryParam("conversation_id") String conversationId) {
    UUID id = uuid("conversation_id", conversationId);
    AuthenticatedUser user = currentUser.user();
    return answer(() -> {
      Agent agent = conversationAgent.agentOf(new GetConversationAgentQuery(user.id(), id));
      boolean own = agent.createdBy(user.id());
      return ConversationAgentPacket.of(agent, own ? user.username() : null, own);
    });
  }

  /** A hidden agent for one of the caller's conversations that still talks as the default agent. */
  @POST
  @Authenticated
  @Path("/hidden")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createHidden(
      @QueryParam("conversation_id") String conversationId, HiddenAgentBody body) {
    UUID id = uuid("conversation_id", conversationId);
    HiddenAgentSettings settings = hiddenSettings(body);
    UserId user = currentUser.id();
    return answer(() -> HiddenAgentPacket.of(
        createHidden.create(new CreateHiddenAgentCommand(user, id, settings)),
        currentUser.user().username()));
  }

  /** Changes the caller's hidden agent named by {@code slug}. */
  @PATCH
  @Authenticated
  @Path("/hidden")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response updateHidden(HiddenAgentBody body) {
    HiddenAgentSettings settings = hiddenSettings(body);
    if (body.slug() == null || body.slug().isBlank()) {
      throw RequestValidationException.missing("body", "slug");
    }
    UserId user = currentUser.id();
    return answer(() -> HiddenAgentPacket.of(
        updateHidden.update(new UpdateHiddenAgentCommand(user, slugOf(body.slug()), settings)),
        currentUser.user().username()));
  }

  @GET
  @PermitAll
  @Path("/{slug}")
  public Response get(@PathParam("slug") String slug) {
    Optional<AuthenticatedUser> viewer = currentUser.find();
    return answer(() -> {
      Agent agent =
          getAgent.get(new GetAgentQuery(viewer.map(AuthenticatedUser::id), slugOf(slug)));
      return AgentPacket.of(agent, creatorName(agent, viewer));
    });
  }

  @POST
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(ModifyAgentBody body) {
    AgentSettings settings = settings(body);
    UserId user = currentUser.id();
    return answer(() -> packet(createAgent.create(new CreateAgentCommand(user, settings))));
  }

  @PATCH
  @Authenticated
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(ModifyAgentBody body) {
    AgentSettings settings = settings(body);
    if (body.slug() == null || body.slug().isBlank()) {
      throw RequestValidationException.missing("body", "slug");
    }
    UserId user = currentUser.id();
    return answer(() ->
        packet(updateAgent.update(new UpdateAgentCommand(user, slugOf(body.slug()), settings))));
  }

  @DELETE
  @Path("/{slug}")
  @Authenticated
  public Response delete(@PathParam("slug") String slug) {
    UserId user = currentUser.id();
    return answer(() -> {
      deleteAgent.delete(new DeleteAgentCommand(user, slugOf(slug)));
      return new MessageBody("Agent deleted.");
    });
  }

  private AgentPacket packet(Agent agent) {
    return AgentPacket.of(agent, currentUser.user().username());
  }

  private static String creatorName(Agent agent, Optional<AuthenticatedUser> viewer) {
    return viewer
        .filter(v -> agent.createdBy(v.id()))
        .map(AuthenticatedUser::username)
        .orElse(null);
  }

  static AgentSlug slugOf(String slug) {
    try {
      return AgentSlug.of(slug);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Agent with name " + slug + " not found.");
    }
  }

  /** Validates the body's shape (422 like Khoj's FastAPI); the rules (name length, model) are the use case's. */
  static AgentSettings settings(ModifyAgentBody body) {
    if (body == null) {
      throw RequestValidationException.missing("body", "name");
    }
    required("name", body.name());
    required("persona", body.persona());
    required("privacy_level", body.privacyLevel());
    required("icon", body.icon());
    required("color", body.color());
    atMost("icon", body.icon(), MAX_ICON_CHARS);
    atMost("color", body.color(), MAX_COLOR_CHARS);
    AgentPrivacy privacy = AgentPrivacy.fromWire(body.privacyLevel())
        .orElseThrow(() -> RequestValidationException.of(
            "body",
            "privacy_level",
            "Input should be 'public', 'private' or 'protected'",
            body.privacyLevel()));
    Set<AgentInputTool> tools = parse(
        body.inputTools(),
        AgentInputTool::fromWire,
        "input_tools",
        EnumSet.noneOf(AgentInputTool.class));
    Set<AgentOutputMode> modes = parse(
        body.outputModes(),
        AgentOutputMode::fromWire,
        "output_modes",
        EnumSet.noneOf(AgentOutputMode.class));
    Optional<String> model = Optional.ofNullable(body.chatModel()).filter(m -> !m.isBlank());
    List<String> files = body.files() == null ? List.of() : body.files();
    for (String file : files) {
      if (file == null || file.isBlank()) {
        throw RequestValidationException.of("body", "files", "Input should be a file name", file);
      }
    }
    return new AgentSettings(
        body.name(),
        body.persona(),
        privacy,
        model,
        tools,
        modes,
        body.color(),
        body.icon(),
        Boolean.TRUE.equals(body.isHidden()),
        files);
  }

  private static HiddenAgentSettings hiddenSettings(HiddenAgentBody body) {
    if (body == null) {
      throw RequestValidationException.missing("body", "persona");
    }
    Set<AgentInputTool> tools = parse(
        body.inputTools(),
        AgentInputTool::fromWire,
        "input_tools",
        EnumSet.noneOf(AgentInputTool.class));
    Set<AgentOutputMode> modes = parse(
        body.outputModes(),
        AgentOutputMode::fromWire,
        "output_modes",
        EnumSet.noneOf(AgentOutputMode.class));
    Optional<String> model = Optional.ofNullable(body.chatModel()).filter(m -> !m.isBlank());
    return new HiddenAgentSettings(body.persona(), model, tools, modes);
  }

  private static UUID uuid(String name, String value) {
    if (value == null || value.isBlank()) {
      throw RequestValidationException.missing("query", name);
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw RequestValidationException.of("query", name, "Input should be a valid UUID", value);
    }
  }

  /** Khoj's icon and colour names are short words; the store keeps this many characters of each. */
  static final int MAX_ICON_CHARS = 64;

  static final int MAX_COLOR_CHARS = 32;

  private static void atMost(String field, String value, int max) {
    if (value.length() > max) {
      throw RequestValidationException.of(
          "body", field, "String should have at most " + max + " characters", value.length());
    }
  }

  private static void required(String field, String value) {
    if (value == null) {
      throw RequestValidationException.missing("body", field);
    }
  }

  private static <T> Set<T> parse(
      List<String> wire, Function<String, Optional<T>> from, String field, Set<T> into) {
    if (wire == null) {
      return into;
    }
    for (String value : wire) {
      into.add(from.apply(value)
          .orElseThrow(
              () -> RequestValidationException.of("body", field, "Unknown value " + value, value)));
    }
    return into;
  }

  /** Runs a use case; its refusals become Khoj's {@code {"error": ...}} answers. */
  static Response answer(Supplier<Object> work) {
    try {
      return Response.ok(work.get()).build();
    } catch (NotFoundException e) {
      return error(Response.Status.NOT_FOUND, e.getMessage());
    } catch (ForbiddenException e) {
      return error(Response.Status.FORBIDDEN, e.getMessage());
    } catch (InvalidInputException e) {
      return error(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }

  private static Response error(Response.Status status, String message) {
    return Response.status(status)
        .entity(new ErrorBody(message))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }
}
