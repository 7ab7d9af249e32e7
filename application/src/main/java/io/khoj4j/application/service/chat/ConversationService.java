package io.khoj4j.application.service.chat;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.in.chat.ConversationRequest;
import io.khoj4j.application.port.in.chat.ConversationView;
import io.khoj4j.application.port.in.chat.ConversationsUseCase;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
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
import io.khoj4j.domain.chat.PublicConversation;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Conversations around the chat turns: reading, titling, sharing, forking, cleaning up. */
public final class ConversationService implements ConversationsUseCase {

  private static final Logger LOG = System.getLogger(ConversationService.class.getName());
  public static final String DEFAULT_AGENT = "khoj";

  private final ConversationRepository conversations;
  private final QueryContentUseCase content;
  private final ChatModelSelection models;
  private final ChatModelGateway gateway;
  private final UnitOfWork unitOfWork;
  private final IdGenerator ids;
  private final Clock clock;

  public ConversationService(ConversationRepository conversations, QueryContentUseCase content,
      ChatModelSelection models, ChatModelGateway gateway, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
    this.conversations = conversations;
    this.content = content;
    this.models = models;
    this.gateway = gateway;
    this.unitOfWork = unitOfWork;
    this.ids = ids;
    this.clock = clock;
  }

  private Conversation owned(UserId user, UUID id) {
    return conversations.find(user, id).orElseThrow(() -> new NotFoundException("Conversation: " + id
        + " not found"));
  }

  private Conversation fresh(UserId user, String title) {
    Instant now = clock.instant();
    Conversation c = new Conversation(ids.newId(), user, title, null, DEFAULT_AGENT, List.of(), now, now);
    unitOfWork.run(() -> conversations.createIfAbsent(c));
    return c;
  }

  @Override
  public ConversationView history(ConversationRequest.History request) {
    Conversation c = request.id().map(id -> owned(request.user(), id))
        .orElseGet(() -> conversations.latest(request.user()).orElseGet(() -> fresh(request.user(), null)));
    return new ConversationView(c, conversations.messages(request.user(), c.id()));
  }

  @Override
  public void delete(ConversationRequest.Delete request) {
    if (request.id().isPresent()) {
      boolean deleted = unitOfWork.inTransaction(() -> conversations.delete(request.user(), request.id().get()));
      if (!deleted) {
        throw new NotFoundException("Conversation: " + request.id().get() + " not found");
      }
    } else {
      unitOfWork.run(() -> conversations.deleteAll(request.user()));
    }
  }

  @Override
  public List<Conversation> sessions(ConversationRequest.Sessions request) {
    return conversations.list(request.user(), request.limit());
  }

  @Override
  public Conversation create(ConversationRequest.Create request) {
    if (request.agentSlug().isPresent() && !request.agentSlug().get().isBlank()
        && !request.agentSlug().get().equalsIgnoreCase(DEFAULT_AGENT)) {
      throw new InvalidInputException("No such agent currently exists.");
    }
    return fresh(request.user(), null);
  }

  @Override
  public void setTitle(ConversationRequest.SetTitle request) {
    owned(request.user(), request.id());
    unitOfWork.run(() -> conversations.setTitle(request.user(), request.id(), request.title()));
  }

  @Override
  public String generateTitle(ConversationRequest.GenerateTitle request) {
    Conversation c = owned(request.user(), request.id());
    if (c.title() != null && !c.title().isBlank()) {
      return c.title();
    }
    List<ChatMessage> messages = conversations.messages(request.user(), c.id());
    if (messages.isEmpty()) {
      return c.slug() == null ? "" : c.slug();
    }
    String title = modelTitle(request.user(), messages).orElseGet(() -> firstWords(messages.getFirst().message()));
    unitOfWork.run(() -> conversations.setSlug(request.user(), c.id(), title));
    return title;
  }

  private Optional<String> modelTitle(UserId user, List<ChatMessage> messages) {
    Optional<ChatModelEndpoint> model = models.modelFor(user);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    String prompt = Prompts.render("title.txt", Map.of("history", PromptBuilder.formatHistory(messages, 4)));
    try {
      String title = gateway.complete(ChatCompletionRequest.of(model.get(), List.of(new PromptMessage.User(prompt))))
          .text().strip().replaceAll("^[\"'#*\\s]+|[\"'.\\s]+$", "");
      return title.isBlank() ? Optional.empty()
          : Optional.of(title.length() > Conversation.MAX_SLUG ? title.substring(0, Conversation.MAX_SLUG) : title);
    } catch (UpstreamFailureException e) {
      LOG.log(Level.WARNING, "Title generation failed, using the first words: {0}", e.getMessage());
      return Optional.empty();
    }
  }

  private static String firstWords(String text) {
    String[] words = text.strip().split("\\s+");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(10, words.length)));
  }

  @Override
  public void deleteTurn(ConversationRequest.DeleteTurn request) {
    int deleted = unitOfWork.inTransaction(
        () -> conversations.deleteTurn(request.user(), request.id(), request.turnId()));
    if (deleted == 0) {
      throw new NotFoundException("Message not found");
    }
  }

  @Override
  public List<String> fileFilters(ConversationRequest.FileFilters request) {
    Conversation c = owned(request.user(), request.id());
    Set<String> known = new LinkedHashSet<>(
        content.sourceFiles(new ContentQuery.SourceFiles(request.user(), ContentSource.COMPUTER)));
    for (String file : request.add()) {
      if (!known.contains(file)) {
        throw new InvalidInputException("Not one of your indexed files: " + file);
      }
    }
    Set<String> filters = new LinkedHashSet<>(c.fileFilters());
    filters.retainAll(known);
    filters.addAll(request.add());
    request.remove().forEach(filters::remove);
    List<String> updated = List.copyOf(filters);
    if (!updated.equals(c.fileFilters())) {
      unitOfWork.run(() -> conversations.setFileFilters(request.user(), c.id(), updated));
    }
    return updated;
  }

  @Override
  public String share(ConversationRequest.Share request) {
    Conversation c = owned(request.user(), request.id());
    String base = Optional.ofNullable(c.displayTitle()).orElse("conversation").toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
    base = base.isEmpty() ? "conversation" : base.substring(0, Math.min(50, base.length()));
    String slug = base + "-" + ids.newId().toString().replace("-", "").substring(0, 8);
    PublicConversation copy = new PublicConversation(slug, request.user(), c.displayTitle(), c.agentSlug(),
        conversations.messages(request.user(), c.id()), clock.instant());
    unitOfWork.run(() -> conversations.savePublic(copy));
    return slug;
  }

  @Override
  public void unshare(ConversationRequest.Unshare request) {
    if (!unitOfWork.inTransaction(() -> conversations.deletePublic(request.user(), request.slug()))) {
      throw new NotFoundException("Conversation: " + request.slug() + " not found");
    }
  }

  @Override
  public PublicConversation publicCopy(String slug) {
    return conversations.findPublic(slug).orElseThrow(() -> new NotFoundException("Conversation: " + slug
        + " not found"));
  }

  @Override
  public UUID fork(ConversationRequest.Fork request) {
    PublicConversation source = publicCopy(request.slug());
    Instant now = clock.instant();
    Conversation copy = new Conversation(ids.newId(), request.user(), source.title(), source.title(),
        DEFAULT_AGENT, List.of(), now, now);
    unitOfWork.run(() -> {
      conversations.createIfAbsent(copy);
      if (!source.messages().isEmpty()) {
        conversations.appendMessages(request.user(), copy.id(), source.messages(), source.title(), now);
      }
    });
    return copy.id();
  }

  @Override
  public List<ConversationView> export(ConversationRequest.Export request) {
    List<ConversationView> out = new ArrayList<>();
    for (Conversation c : conversations.page(request.user(), request.offset(), request.limit())) {
      out.add(new ConversationView(c, conversations.messages(request.user(), c.id())));
    }
    return out;
  }

  @Override
  public long count(ConversationRequest.Stats request) {
    return conversations.count(request.user());
  }
}
