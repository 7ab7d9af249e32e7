package io.khoj4j.bootstrap;

import io.khoj4j.application.port.in.content.IndexContentUseCase;
import io.khoj4j.application.port.out.agent.AgentKnowledge;
import io.khoj4j.application.port.out.agent.AgentRepository;
import io.khoj4j.application.port.out.auth.ExternalIdentityRepository;
import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.AutomationScheduler;
import io.khoj4j.application.port.out.automation.CronCalendar;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.memory.MemoryRepository;
import io.khoj4j.application.port.out.migration.ImportMappings;
import io.khoj4j.application.port.out.migration.KhojSources;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.subscription.SubscriptionRepository;
import io.khoj4j.application.port.out.token.ApiTokenRepository;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.application.service.migration.ImportKhojDataService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Creates the import of a Khoj server's data ({@code admin import-khoj}, ADR 26). */
@ApplicationScoped
public class MigrationProducers {

  @Produces
  @Singleton
  ImportKhojDataService importKhojData(
      KhojSources sources,
      ImportMappings mappings,
      UnitOfWork unitOfWork,
      UserRepository users,
      ApiTokenRepository tokens,
      ChatModelRepository models,
      AgentRepository agents,
      AgentKnowledge knowledge,
      ConversationRepository conversations,
      IndexContentUseCase indexContent,
      ExternalIdentityRepository identities,
      ConnectorRepository connectors,
      SubscriptionRepository subscriptions,
      MemoryRepository memories,
      AutomationRepository automations,
      AutomationScheduler scheduler,
      CronCalendar calendar,
      EmbeddingModel embeddings,
      SecretBox secrets,
      IdGenerator ids,
      Clock clock) {
    return new ImportKhojDataService(
        sources,
        mappings,
        unitOfWork,
        new ImportKhojDataService.Repositories(
            users,
            tokens,
            models,
            agents,
            knowledge,
            conversations,
            identities,
            connectors,
            subscriptions,
            memories),
        new ImportKhojDataService.Schedules(automations, conversations, scheduler, calendar),
        indexContent,
        embeddings,
        secrets,
        ids,
        clock);
  }
}
