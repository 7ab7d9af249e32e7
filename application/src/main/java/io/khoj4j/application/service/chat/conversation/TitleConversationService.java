package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.chat.TitleConversationCommand;
import io.khoj4j.application.port.in.chat.TitleConversationUseCase;
import io.khoj4j.application.port.out.chat.ChatCompletionRequest;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.application.service.chat.prompt.Prompts;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.ChatModelEndpoint;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.PromptMessage;
import io.khoj4j.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conversation's title: the user's own if set; otherwise the chat model writes one from the first messages (the
 * first words of the first message without a model or when it fails), stored as the automatic title.
 */
public final class TitleConversationService implements TitleConversationUseCase {

  private static final Logger LOG = System.getLogger(TitleConversationService.class.getName());

  private final ConversationRepository conversations;
  private final ChatModelSelection models;
  private final ChatModelGateway gateway;
  private final UnitOfWork unitOfWork;
  private final OwnedConversations owned;

  public TitleConversationService(
      ConversationRepository conversations,
      ChatModelSelection models,
      ChatModelGateway gateway,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    this.conversations = conversations;
    this.models = models;
    this.gateway = gateway;
    this.unitOfWork = unitOfWork;
    this.owned = new OwnedConversations(conversations, unitOfWork, ids, clock);
  }

  @Override
  public String title(TitleConversationCommand command) {
    Conversation c = owned.owned(command.user(), command.id());
    if (c.title() != null && !c.title().isBlank()) {
      return c.title();
    }
    List<ChatMessage> messages = conversations.messages(command.user(), c.id());
    if (messages.isEmpty()) {
      return c.slug() == null ? "" : c.slug();
    }
    String title = modelTitle(command.user(), messages)
        .orElseGet(() -> firstWords(messages.getFirst().message()));
    unitOfWork.run(() -> conversations.setSlug(command.user(), c.id(), title));
    return title;
  }

  private Optional<String> modelTitle(UserId user, List<ChatMessage> messages) {
    Optional<ChatModelEndpoint> model = models.modelFor(user);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    String prompt =
        Prompts.render("title.txt", Map.of("history", PromptBuilder.formatHistory(messages, 4)));
    try {
      String title = gateway
          .complete(ChatCompletionRequest.of(model.get(), List.of(new PromptMessage.User(prompt))))
          .text()
          .strip()
          .replaceAll("^[\"'#*\\s]+|[\"'.\\s]+$", "");
      return title.isBlank()
          ? Optional.empty()
          : Optional.of(
              title.length() > Conversation.MAX_SLUG
                  ? title.substring(0, Conversation.MAX_SLUG)
                  : title);
    } catch (UpstreamFailureException e) {
      LOG.log(Level.WARNING, "Title generation failed, using the first words: {0}", e.getMessage());
      return Optional.empty();
    }
  }

  private static String firstWords(String text) {
    String[] words = text.strip().split("\\s+");
    return String.join(" ", Arrays.copyOf(words, Math.min(10, words.length)));
  }
}
