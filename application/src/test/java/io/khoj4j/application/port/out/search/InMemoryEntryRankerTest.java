package io.khoj4j.application.port.out.search;

import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.application.port.out.shared.DirectUnitOfWork;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.user.UserId;
import java.util.UUID;

class InMemoryEntryRankerTest extends EntryRankerContract {

  private final InMemoryEntryRepository repository = new InMemoryEntryRepository();

  @Override
  protected EntryRepository repository() {
    return repository;
  }

  @Override
  protected UnitOfWork unitOfWork() {
    return new DirectUnitOfWork();
  }

  @Override
  protected UserId newOwner() {
    return new UserId(UUID.randomUUID());
  }

  @Override
  protected EntryRanker vectorRanker() {
    return new InMemoryEntryRanker(repository, EntryRanker.Kind.VECTOR);
  }

  @Override
  protected EntryRanker keywordRanker() {
    return new InMemoryEntryRanker(repository, EntryRanker.Kind.KEYWORD);
  }

  @Override
  protected EntryTexts texts() {
    return new InMemoryEntryTexts(repository);
  }
}
