package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.agent.AgentService;
import io.khoj4j.application.service.agent.PersonaSafetyCheck;
import io.khoj4j.application.service.model.ChatModelService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Creates the agents use cases; the persona check asks the user's chat model through the gateway. */
@ApplicationScoped
public class AgentProducers {

  @Produces
  @Singleton
  AgentService agents(AgentRepository agents, ChatModelRepository models, ChatModelService chatModels,
      ChatModelGateway gateway, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    return new AgentService(agents, models, new PersonaSafetyCheck(gateway, chatModels::endpointFor), unitOfWork,
        ids, clock);
  }
}
