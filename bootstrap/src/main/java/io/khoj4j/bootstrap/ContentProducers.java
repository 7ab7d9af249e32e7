package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.connector.ConnectorHold;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.content.DocumentReader;
import io.khoj4j.application.port.out.content.EmbeddingMaintenance;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.content.IndexingMetrics;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.content.ConvertAttachmentsService;
import io.khoj4j.application.service.content.DeleteContentService;
import io.khoj4j.application.service.content.IndexContentService;
import io.khoj4j.application.service.content.IndexingLimits;
import io.khoj4j.application.service.content.ListRefusedFilesService;
import io.khoj4j.application.service.content.MaintainEmbeddingsService;
import io.khoj4j.application.service.content.QueryContentService;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Content indexing: upload, list, delete, and keeping vectors on the configured embedding model. */
@ApplicationScoped
public class ContentProducers {

  /** {@code khoj.content.*}: what one upload may carry, the operator's ceiling per user, and chunking. */
  @ConfigMapping(prefix = "khoj.content")
  public interface ContentSettings {
    @WithDefault("200M")
    MemorySize maxRequestSize();

    @WithDefault("50M")
    MemorySize maxFileSize();

    /** 0: no ceiling. */
    @WithDefault("0")
    MemorySize maxIndexedSizePerUser();

    @WithDefault("256")
    int maxWordsPerChunk();

    @WithDefault("16")
    int embedBatchSize();

    /** Read by the document reader (adapters-connectors); listed so that the group knows every key it holds. */
    @WithDefault("false")
    boolean ocrPdf();

    /** Read by the content resource (adapters-web), which reads and indexes an upload this much at a time. */
    @WithDefault("32M")
    MemorySize uploadBatchSize();
  }

  @Produces
  @Singleton
  IndexingLimits indexingLimits(ContentSettings s) {
    return new IndexingLimits(
        s.maxRequestSize().asLongValue(),
        s.maxFileSize().asLongValue(),
        s.maxIndexedSizePerUser().asLongValue(),
        s.maxWordsPerChunk(),
        s.embedBatchSize());
  }

  @Produces
  @Singleton
  IndexContentService indexContent(
      EntryRepository entries,
      RefusedFileRepository refused,
      EmbeddingModel embeddings,
      DocumentReader reader,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock,
      IndexingLimits limits,
      IndexingMetrics metrics,
      ConnectorHold connectors) {
    return new IndexContentService(
        entries, refused, embeddings, reader, unitOfWork, ids, clock, limits, metrics, connectors);
  }

  @Produces
  @Singleton
  ListRefusedFilesService listRefusedFiles(RefusedFileRepository refused) {
    return new ListRefusedFilesService(refused);
  }

  @Produces
  @Singleton
  ConvertAttachmentsService convertAttachments(DocumentReader reader, IndexingLimits limits) {
    return new ConvertAttachmentsService(reader, limits);
  }

  @Produces
  @Singleton
  QueryContentService queryContent(EntryRepository entries) {
    return new QueryContentService(entries);
  }

  @Produces
  @Singleton
  DeleteContentService deleteContent(
      EntryRepository entries,
      RefusedFileRepository refused,
      UnitOfWork unitOfWork,
      ConnectorRepository connectors) {
    return new DeleteContentService(entries, refused, unitOfWork, Optional.of(connectors));
  }

  @Produces
  @Singleton
  MaintainEmbeddingsService maintainEmbeddings(
      EmbeddingMaintenance maintenance, EmbeddingModel model) {
    return new MaintainEmbeddingsService(maintenance, model);
  }
}
