package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.in.content.IndexContentUseCase;
import io.khoj4j.application.port.in.migration.ImportKhojCommand;
import io.khoj4j.application.port.in.migration.ImportKhojDataUseCase;
import io.khoj4j.application.port.in.migration.ImportProgress;
import io.khoj4j.application.port.in.migration.ImportReport;
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
import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.application.port.out.migration.KhojSources;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.subscription.SubscriptionRepository;
import io.khoj4j.application.port.out.token.ApiTokenRepository;
import io.khoj4j.application.port.out.user.UserRepository;
import java.time.Clock;
import java.util.Map;

/**
 * Imports a Khoj server in dependency order: users and tokens, their Google sign-in, connectors, subscriptions and memories, models, files (before agents, whose knowledge is copied
 * from them), agents, conversations (which name agents), automations (whose runs answer in conversations). Each item is written with its mapping in one unit of work.
 */
public final class ImportKhojDataService implements ImportKhojDataUseCase {

  /** What this server does not import, and why; the source tells how many of each it holds. */
  private static final Map<String, String> NOT_IMPORTED = Map.of(
      "notion connections", "only the first of a user's Notion settings is imported",
      "github connections", "only the first of a user's GitHub settings is imported");

  private final KhojSources sources;
  private final ImportMappings mappings;
  private final UnitOfWork unitOfWork;
  private final UserImport users;
  private final ModelImport models;
  private final FileImport files;
  private final AgentImport agents;
  private final ConversationImport conversations;
  private final AccountLinkImport accountLinks;
  private final UserExtrasImport extras;
  private final AutomationImport automations;
  private final EmbeddingModel embeddings;

  public ImportKhojDataService(
      KhojSources sources,
      ImportMappings mappings,
      UnitOfWork unitOfWork,
      Repositories repositories,
      Schedules schedules,
      IndexContentUseCase indexContent,
      EmbeddingModel embeddings,
      SecretBox secrets,
      IdGenerator ids,
      Clock clock) {
    this.sources = sources;
    this.mappings = mappings;
    this.unitOfWork = unitOfWork;
    this.users = new UserImport(repositories.users(), repositories.tokens(), ids, clock);
    this.models = new ModelImport(repositories.models(), secrets, ids);
    this.files = new FileImport(indexContent);
    this.agents = new AgentImport(
        repositories.agents(), repositories.knowledge(), repositories.models(), ids);
    this.conversations = new ConversationImport(repositories.conversations(), clock);
    this.accountLinks =
        new AccountLinkImport(repositories.identities(), repositories.connectors(), secrets);
    this.extras = new UserExtrasImport(
        repositories.subscriptions(), repositories.memories(), embeddings, clock);
    this.automations = new AutomationImport(schedules, ids, clock);
    this.embeddings = embeddings;
  }

  /** The stores the import writes to. */
  public record Repositories(
      UserRepository users,
      ApiTokenRepository tokens,
      ChatModelRepository models,
      AgentRepository agents,
      AgentKnowledge knowledge,
      ConversationRepository conversations,
      ExternalIdentityRepository identities,
      ConnectorRepository connectors,
      SubscriptionRepository subscriptions,
      MemoryRepository memories) {}

  /** Where imported automations are kept and scheduled. */
  public record Schedules(
      AutomationRepository automations,
      ConversationRepository conversations,
      AutomationScheduler scheduler,
      CronCalendar calendar) {}

  @Override
  public ImportReport importData(ImportKhojCommand command, ImportProgress progress) {
    ImportRun run = new ImportRun(command.dryRun(), mappings, unitOfWork, progress);
    try (KhojSource source = sources.open(command.source())) {
      run.line(command.dryRun() ? "dry run: nothing is written" : "importing");
      users.run(source, run);
      accountLinks.run(source, run);
      KhojVectors vectors = KhojVectors.of(source, embeddings);
      run.line(vectors.describe(source.searchModels()));
      extras.run(source, run, vectors);
      models.run(source, run);
      files.run(source, run, vectors);
      agents.run(source, run);
      conversations.run(source, run);
      automations.run(source, run);
      for (KhojSource.Leftover left : source.leftovers()) {
        run.skip(
            left.kind(),
            left.count() + " in the source",
            NOT_IMPORTED.getOrDefault(left.kind(), "not imported by this server"));
      }
    }
    return run.report();
  }
}
