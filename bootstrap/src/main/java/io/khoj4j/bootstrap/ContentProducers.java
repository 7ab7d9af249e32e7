package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.content.DocumentReader;
import io.khoj4j.application.port.out.content.EmbeddingMaintenance;
import io.khoj4j.application.port.out.connector.ConnectorRepository;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.content.RefusedFileRepository;
import io.khoj4j.application.port.out.content.IndexingMetrics;
import io.khoj4j.application.port.out.embedding.EmbeddingModel;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.service.content.ConvertAttachmentsService;
import io.khoj4j.application.service.content.IndexContentService;
import io.khoj4j.application.service.content.IndexingLimits;
import io.khoj4j.application.service.content.ListRefusedFilesService;
import io.khoj4j.application.service.content.MaintainEmbeddingsService;
import io.khoj4j.application.service.content.DeleteContentService;
import io.khoj4j.application.service.content.QueryContentService;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Content indexing: upload, list, delete, and keeping vectors on the configured embedding model. */
@ApplicationScoped
public class ContentProducers {

  @Produces
  @Singleton
  IndexingLimits indexingLimits(
      @ConfigProperty(name = "khoj.content.max-request-size", defaultValue = "100M") MemorySize maxRequest,
      @ConfigProperty(name = "khoj.content.max-file-size", defaultValue = "50M") MemorySize maxFile,
      @ConfigProperty(name = "khoj.content.max-indexed-size-per-user", defaultValue = "0") MemorySize maxPerUser,
      @ConfigProperty(name = "khoj.content.max-words-per-chunk", defaultValue = "256") int maxWords,
      @ConfigProperty(name = "khoj.content.embed-batch-size", defaultValue = "16") int embedBatch) {
    return new IndexingLimits(maxRequest.asLongValue(), maxFile.asLongValue(), maxPerUser.asLongValue(), maxWords,
        embedBatch);
  }

  @Produces
  @Singleton
  IndexContentService indexContent(EntryRepository entries, RefusedFileRepository refused, EmbeddingModel embeddings,
      DocumentReader reader, UnitOfWork unitOfWork, IdGenerator ids, Clock clock, IndexingLimits limits,
      IndexingMetrics metrics) {
    return new IndexContentService(entries, refused, embeddings, reader, unitOfWork, ids, clock, limits, metrics);
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
  DeleteContentService deleteContent(EntryRepository entries, RefusedFileRepository refused, UnitOfWork unitOfWork,
      ConnectorRepository connectors) {
    return new DeleteContentService(entries, refused, unitOfWork, Optional.of(connectors));
  }

  @Produces
  @Singleton
  MaintainEmbeddingsService maintainEmbeddings(EmbeddingMaintenance maintenance, EmbeddingModel model) {
    return new MaintainEmbeddingsService(maintenance, model);
  }
}
