package io.khoj4j.adapter.web.in.agent;

import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.AgentPacket;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.MessageBody;
import io.khoj4j.adapter.web.in.agent.AgentWebModels.ModifyAgentBody;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.agent.AgentSettings;
import io.khoj4j.application.port.in.agent.CreateAgentCommand;
import io.khoj4j.application.port.in.agent.CreateAgentUseCase;
import io.khoj4j.application.port.in.agent.DeleteAgentCommand;
import io.khoj4j.application.port.in.agent.DeleteAgentUseCase;
import io.khoj4j.application.port.in.agent.ListAgentsQuery;
import io.khoj4j.application.port.in.agent.ListAgentsUseCase;
import io.khoj4j.application.port.in.agent.UpdateAgentCommand;
import io.khoj4j.application.port.in.agent.UpdateAgentUseCase;
import io.khoj4j.domain.agent.Agent;
import io.khoj4j.domain.user.UserId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The administrators' agents ({@code managed_by_admin}): shared agents that no user owns, listed to everyone when
 * public, and changed only here (users get 403 on them). Bodies and answers are those of {@code /api/agents}; an
 * agent's knowledge files are the calling administrator's own files.
 */
@Path("/api/admin/agents")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AgentAdminResource {

  private final CurrentUser currentUser;
  private final ListAgentsUseCase listAgents;
  private final CreateAgentUseCase createAgent;
  private final UpdateAgentUseCase updateAgent;
  private final DeleteAgentUseCase deleteAgent;

  public AgentAdminResource(
      CurrentUser currentUser,
      ListAgentsUseCase listAgents,
      CreateAgentUseCase createAgent,
      UpdateAgentUseCase updateAgent,
      DeleteAgentUseCase deleteAgent) {
    this.currentUser = currentUser;
    this.listAgents = listAgents;
    this.createAgent = createAgent;
    this.updateAgent = updateAgent;
    this.deleteAgent = deleteAgent;
  }

  /** Every administrators' agent, hidden and private ones too, oldest first. */
  @GET
  public List<AgentPacket> list() {
    return listAgents.list(new ListAgentsQuery(Optional.of(currentUser.id()), true)).stream()
        .map(AgentAdminResource::packet)
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(ModifyAgentBody body) {
    AgentSettings settings = AgentResource.settings(body);
    UserId admin = currentUser.id();
    return AgentResource.answer(
        () -> packet(createAgent.create(new CreateAgentCommand(admin, settings, true))));
  }

  @PATCH
  @Path("/{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("slug") String slug, ModifyAgentBody body) {
    AgentSettings settings = AgentResource.settings(body);
    UserId admin = currentUser.id();
    return AgentResource.answer(() -> packet(updateAgent.update(
        new UpdateAgentCommand(admin, AgentResource.slugOf(slug), settings, true))));
  }

  @DELETE
  @Path("/{slug}")
  public Response delete(@PathParam("slug") String slug) {
    if (slug == null || slug.isBlank()) {
      throw RequestValidationException.missing("path", "slug");
    }
    UserId admin = currentUser.id();
    return AgentResource.answer(() -> {
      deleteAgent.delete(new DeleteAgentCommand(admin, AgentResource.slugOf(slug), true));
      return new MessageBody("Agent deleted.");
    });
  }

  /** Administrators' agents have no creator to name. */
  private static AgentPacket packet(Agent agent) {
    return AgentPacket.of(agent, null);
  }
}
