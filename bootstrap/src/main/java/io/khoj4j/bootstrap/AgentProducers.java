package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.agent.AgentKnowledge;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.agent.CreateAgentService;
import io.khoj4j.application.service.agent.CreateHiddenAgentService;
import io.khoj4j.application.service.agent.DeleteAgentService;
import io.khoj4j.application.service.agent.EnsureDefaultAgentService;
import io.khoj4j.application.service.agent.GetAgentService;
import io.khoj4j.application.service.agent.GetConversationAgentService;
import io.khoj4j.application.service.agent.ListAgentsService;
import io.khoj4j.application.service.agent.PersonaSafetyCheck;
import io.khoj4j.application.service.agent.ResolveAgentService;
import io.khoj4j.application.service.agent.UpdateAgentService;
import io.khoj4j.application.service.agent.UpdateHiddenAgentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Creates the agents use cases, one service each; the persona check asks the user's chat model through the gateway. */
@ApplicationScoped
public class AgentProducers {

  @Produces
  @Singleton
  PersonaSafetyCheck personaSafetyCheck(ChatModelSelection chatModels, ChatModelGateway gateway) {
    return new PersonaSafetyCheck(gateway, chatModels::modelFor);
  }

  @Produces
  @Singleton
  EnsureDefaultAgentService ensureDefaultAgent(
      AgentRepository agents, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    return new EnsureDefaultAgentService(agents, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  ListAgentsService listAgents(AgentRepository agents) {
    return new ListAgentsService(agents);
  }

  @Produces
  @Singleton
  GetAgentService getAgent(AgentRepository agents) {
    return new GetAgentService(agents);
  }

  @Produces
  @Singleton
  CreateAgentService createAgent(
      AgentRepository agents,
      ChatModelRepository models,
      AgentKnowledge knowledge,
      PersonaSafetyCheck safety,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    return new CreateAgentService(agents, models, knowledge, safety, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  UpdateAgentService updateAgent(
      AgentRepository agents,
      ChatModelRepository models,
      AgentKnowledge knowledge,
      PersonaSafetyCheck safety,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new UpdateAgentService(agents, models, knowledge, safety, unitOfWork, clock);
  }

  @Produces
  @Singleton
  DeleteAgentService deleteAgent(
      AgentRepository agents, ChatModelRepository models, UnitOfWork unitOfWork) {
    return new DeleteAgentService(agents, models, unitOfWork);
  }

  @Produces
  @Singleton
  GetConversationAgentService conversationAgent(
      ConversationRepository conversations,
      AgentRepository agents,
      EnsureDefaultAgentService defaultAgent) {
    return new GetConversationAgentService(conversations, agents, defaultAgent);
  }

  @Produces
  @Singleton
  CreateHiddenAgentService createHiddenAgent(
      ConversationRepository conversations,
      AgentRepository agents,
      ChatModelRepository models,
      PersonaSafetyCheck safety,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    return new CreateHiddenAgentService(
        conversations, agents, models, safety, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  UpdateHiddenAgentService updateHiddenAgent(
      AgentRepository agents,
      ChatModelRepository models,
      PersonaSafetyCheck safety,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new UpdateHiddenAgentService(agents, models, safety, unitOfWork, clock);
  }

  @Produces
  @Singleton
  ResolveAgentService resolveAgent(
      AgentRepository agents, ChatModelRepository models, EnsureDefaultAgentService defaultAgent) {
    return new ResolveAgentService(agents, models, defaultAgent);
  }
}
