package io.khoj4j.bootstrap;

import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.search.SearchEntriesUseCase;
import io.khoj4j.application.port.out.chat.ChatModelDiscovery;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.application.port.out.chat.TokenCounter;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.chat.ChatService;
import io.khoj4j.application.service.chat.ConversationService;
import io.khoj4j.application.service.chat.tool.ChatTools;
import io.khoj4j.application.service.model.ChatModelService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chat: model configuration, conversations, and the turn itself. */
@ApplicationScoped
public class ChatProducers {

  @Produces
  @Singleton
  ChatModelService chatModels(ChatModelRepository repository, SecretBox secrets, ChatModelDiscovery discovery,
      UnitOfWork unitOfWork, IdGenerator ids) {
    return new ChatModelService(repository, secrets, discovery, unitOfWork, ids);
  }

  @Produces
  @Singleton
  ChatService chat(ConversationRepository conversations, ChatModelSelection models, ChatModelGateway gateway,
      ModelReplyReader replies, SearchEntriesUseCase search, QueryContentUseCase content, TokenCounter tokens,
      UnitOfWork unitOfWork, IdGenerator ids, Clock clock,
      @ConfigProperty(name = "khoj.chat.notes-max-distance") Optional<Double> notesMaxDistance) {
    return new ChatService(conversations, models, gateway, replies, search, content, tokens,
        ChatTools.noneConfigured(), unitOfWork, ids, clock, notesMaxDistance);
  }

  @Produces
  @Singleton
  ConversationService conversations(ConversationRepository conversations, QueryContentUseCase content,
      ChatModelSelection models, ChatModelGateway gateway, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    return new ConversationService(conversations, content, models, gateway, unitOfWork, ids, clock);
  }
}
