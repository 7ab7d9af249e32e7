package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.memory.MemoryRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.memory.ChatMemory;
import io.khoj4j.application.service.memory.DeleteMemoryService;
import io.khoj4j.application.service.memory.ListMemoriesService;
import io.khoj4j.application.service.memory.QueryMemorySettingsService;
import io.khoj4j.application.service.memory.ReplaceMemoryService;
import io.khoj4j.application.service.memory.SwitchMemoryService;
import io.khoj4j.domain.memory.MemoryMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Memories: the routes' services and the chat turn's {@link ChatMemory}. */
@ApplicationScoped
public class MemoryProducers {

  /** {@code khoj.memory.*}. */
  @ConfigMapping(prefix = "khoj.memory")
  public interface MemorySettings {
    /** {@code disabled}, {@code enabled_default_off} or {@code enabled_default_on} (Khoj's server memory mode). */
    @WithDefault("enabled_default_on")
    String mode();

    /** Memories further from the question than this cosine distance are not recalled. */
    @WithDefault("0.4")
    double maxDistance();

    /** Memories given to the model at most per turn. */
    @WithDefault("5")
    int recallLimit();
  }

  @Produces
  @Singleton
  MemoryMode memoryMode(MemorySettings settings) {
    return MemoryMode.fromWire(settings.mode());
  }

  @Produces
  @Singleton
  ChatMemory chatMemory(
      MemoryRepository memories,
      EmbeddingModel embeddings,
      ChatModelGateway gateway,
      ModelReplyReader replies,
      UnitOfWork unitOfWork,
      Clock clock,
      MemoryMode mode,
      MemorySettings settings) {
    return new ChatMemory(
        memories,
        embeddings,
        gateway,
        replies,
        unitOfWork,
        clock,
        mode,
        settings.maxDistance(),
        settings.recallLimit());
  }

  @Produces
  @Singleton
  ListMemoriesService listMemories(MemoryRepository memories) {
    return new ListMemoriesService(memories);
  }

  @Produces
  @Singleton
  DeleteMemoryService deleteMemory(MemoryRepository memories, UnitOfWork unitOfWork) {
    return new DeleteMemoryService(memories, unitOfWork);
  }

  @Produces
  @Singleton
  ReplaceMemoryService replaceMemory(
      MemoryRepository memories, EmbeddingModel embeddings, UnitOfWork unitOfWork, Clock clock) {
    return new ReplaceMemoryService(memories, embeddings, unitOfWork, clock);
  }

  @Produces
  @Singleton
  SwitchMemoryService switchMemory(MemoryRepository memories, UnitOfWork unitOfWork, Clock clock) {
    return new SwitchMemoryService(memories, unitOfWork, clock);
  }

  @Produces
  @Singleton
  QueryMemorySettingsService memorySettings(MemoryRepository memories, MemoryMode mode) {
    return new QueryMemorySettingsService(memories, mode);
  }
}
