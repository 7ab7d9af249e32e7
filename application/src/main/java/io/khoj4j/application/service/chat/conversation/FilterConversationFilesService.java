package io.khoj4j.application.service.chat.conversation;

import io.khoj4j.application.port.in.chat.FilterConversationFilesCommand;
import io.khoj4j.application.port.in.chat.FilterConversationFilesUseCase;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.content.ContentSource;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which of the user's indexed files a conversation searches. */
public final class FilterConversationFilesService implements FilterConversationFilesUseCase {

  private final ConversationRepository conversations;
  private final QueryContentUseCase content;
  private final UnitOfWork unitOfWork;
  private final OwnedConversations owned;

  public FilterConversationFilesService(
      ConversationRepository conversations,
      QueryContentUseCase content,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    this.conversations = conversations;
    this.content = content;
    this.unitOfWork = unitOfWork;
    this.owned = new OwnedConversations(conversations, unitOfWork, ids, clock);
  }

  @Override
  public List<String> filter(FilterConversationFilesCommand command) {
    Conversation c = owned.owned(command.user(), command.id());
    Set<String> known = new LinkedHashSet<>(
        content.sourceFiles(new ContentQuery.SourceFiles(command.user(), ContentSource.COMPUTER)));
    Set<String> filters = new LinkedHashSet<>(c.fileFilters());
    filters.retainAll(known);
    // as Khoj: only the user's indexed files are added, other names are left out of the answer (the
    // web app adds a whole upload at once, where a file that failed to index would refuse them all)
    command.add().stream().filter(known::contains).forEach(filters::add);
    command.remove().forEach(filters::remove);
    List<String> updated = List.copyOf(filters);
    if (!updated.equals(c.fileFilters())) {
      unitOfWork.run(() -> conversations.setFileFilters(command.user(), c.id(), updated));
    }
    return updated;
  }
}
