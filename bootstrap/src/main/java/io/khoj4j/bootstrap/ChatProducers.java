package io.khoj4j.bootstrap;

import io.khoj4j.application.port.in.agent.GetAgentUseCase;
import io.khoj4j.application.port.in.agent.ResolveAgentUseCase;
import io.khoj4j.application.port.in.automation.CreateAutomationUseCase;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.search.SearchEntriesUseCase;
import io.khoj4j.application.port.out.chat.ChatModelDiscovery;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.application.port.out.chat.StoppingTurns;
import io.khoj4j.application.port.out.chat.TokenCounter;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.chat.ChatService;
import io.khoj4j.application.service.chat.conversation.CountConversationsService;
import io.khoj4j.application.service.chat.conversation.CreateConversationService;
import io.khoj4j.application.service.chat.conversation.DeleteConversationsService;
import io.khoj4j.application.service.chat.conversation.DeleteTurnService;
import io.khoj4j.application.service.chat.conversation.ExportConversationsService;
import io.khoj4j.application.service.chat.conversation.FilterConversationFilesService;
import io.khoj4j.application.service.chat.conversation.ForkConversationService;
import io.khoj4j.application.service.chat.conversation.ListConversationsService;
import io.khoj4j.application.service.chat.conversation.ReadConversationService;
import io.khoj4j.application.service.chat.conversation.ReadPublicConversationService;
import io.khoj4j.application.service.chat.conversation.RenameConversationService;
import io.khoj4j.application.service.chat.conversation.ShareConversationService;
import io.khoj4j.application.service.chat.conversation.TitleConversationService;
import io.khoj4j.application.service.chat.conversation.UnshareConversationService;
import io.khoj4j.application.service.chat.tool.ChatTools;
import io.khoj4j.application.service.chat.tool.ListChatCommandsService;
import io.khoj4j.application.service.memory.ChatMemory;
import io.khoj4j.application.service.model.ChatModelSelectionService;
import io.khoj4j.application.service.model.ConfigureChatModelsService;
import io.khoj4j.application.service.model.QueryChatModelsService;
import io.khoj4j.application.service.model.SeedChatModelsService;
import io.khoj4j.application.service.model.SelectChatModelService;
import io.khoj4j.application.service.subscription.Tiers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chat: model configuration, the turn itself, and one service per conversation use case. */
@ApplicationScoped
public class ChatProducers {

  @Produces
  @Singleton
  QueryChatModelsService queryChatModels(ChatModelRepository repository, Tiers tiers) {
    return new QueryChatModelsService(repository, tiers);
  }

  @Produces
  @Singleton
  ChatModelSelectionService chatModelSelection(
      ChatModelRepository repository, SecretBox secrets, Tiers tiers) {
    return new ChatModelSelectionService(repository, secrets, tiers);
  }

  @Produces
  @Singleton
  SelectChatModelService selectChatModel(
      ChatModelRepository repository, UnitOfWork unitOfWork, Tiers tiers) {
    return new SelectChatModelService(repository, unitOfWork, tiers);
  }

  @Produces
  @Singleton
  ConfigureChatModelsService configureChatModels(
      ChatModelRepository repository, SecretBox secrets, UnitOfWork unitOfWork, IdGenerator ids) {
    return new ConfigureChatModelsService(repository, secrets, unitOfWork, ids);
  }

  @Produces
  @Singleton
  SeedChatModelsService seedChatModels(
      ChatModelRepository repository,
      SecretBox secrets,
      ChatModelDiscovery discovery,
      UnitOfWork unitOfWork,
      IdGenerator ids) {
    return new SeedChatModelsService(repository, secrets, discovery, unitOfWork, ids);
  }

  @Produces
  @Singleton
  ChatService chat(
      ConversationRepository conversations,
      ChatModelSelection models,
      ChatModelGateway gateway,
      ModelReplyReader replies,
      SearchEntriesUseCase search,
      QueryContentUseCase content,
      TokenCounter tokens,
      CreateAutomationUseCase createAutomation,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock,
      ChatTools tools,
      @ConfigProperty(name = "khoj.chat.notes-max-distance") Optional<Double> notesMaxDistance,
      ResolveAgentUseCase agents,
      ChatMemory memory,
      StoppingTurns stopping) {
    return new ChatService(
        conversations,
        models,
        gateway,
        replies,
        search,
        content,
        tokens,
        tools,
        createAutomation,
        unitOfWork,
        ids,
        clock,
        notesMaxDistance,
        agents,
        memory,
        stopping);
  }

  @Produces
  @Singleton
  ListChatCommandsService listChatCommands(ChatTools tools) {
    return new ListChatCommandsService(tools);
  }

  @Produces
  @Singleton
  ReadConversationService readConversation(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    return new ReadConversationService(conversations, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  DeleteConversationsService deleteConversations(
      ConversationRepository conversations, UnitOfWork unitOfWork) {
    return new DeleteConversationsService(conversations, unitOfWork);
  }

  @Produces
  @Singleton
  ListConversationsService listConversations(ConversationRepository conversations) {
    return new ListConversationsService(conversations);
  }

  @Produces
  @Singleton
  CreateConversationService createConversation(
      ConversationRepository conversations,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock,
      GetAgentUseCase agents) {
    return new CreateConversationService(conversations, unitOfWork, ids, clock, agents);
  }

  @Produces
  @Singleton
  RenameConversationService renameConversation(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    return new RenameConversationService(conversations, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  TitleConversationService titleConversation(
      ConversationRepository conversations,
      ChatModelSelection models,
      ChatModelGateway gateway,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    return new TitleConversationService(conversations, models, gateway, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  DeleteTurnService deleteTurn(ConversationRepository conversations, UnitOfWork unitOfWork) {
    return new DeleteTurnService(conversations, unitOfWork);
  }

  @Produces
  @Singleton
  FilterConversationFilesService filterConversationFiles(
      ConversationRepository conversations,
      QueryContentUseCase content,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    return new FilterConversationFilesService(conversations, content, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  ShareConversationService shareConversation(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    return new ShareConversationService(conversations, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  UnshareConversationService unshareConversation(
      ConversationRepository conversations, UnitOfWork unitOfWork) {
    return new UnshareConversationService(conversations, unitOfWork);
  }

  @Produces
  @Singleton
  ReadPublicConversationService readPublicConversation(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    return new ReadPublicConversationService(conversations, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  ForkConversationService forkConversation(
      ConversationRepository conversations, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    return new ForkConversationService(conversations, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  ExportConversationsService exportConversations(ConversationRepository conversations) {
    return new ExportConversationsService(conversations);
  }

  @Produces
  @Singleton
  CountConversationsService countConversations(ConversationRepository conversations) {
    return new CountConversationsService(conversations);
  }
}
