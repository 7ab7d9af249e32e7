package io.khoj4j.application.service.migration;

import io.khoj4j.application.error.ApplicationException;
import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.IndexContentResult;
import io.khoj4j.application.port.in.content.IndexContentUseCase;
import io.khoj4j.application.port.in.content.SyncMode;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The users' files, indexed again from the text Khoj kept: split the way this server does it and embedded with this
 * server's model, except the pieces whose text Khoj embedded with that same model: those keep Khoj's vectors
 * ({@link KhojVectors}). Khoj keeps only the extracted text of PDFs, Word documents and images, not the documents, so
 * those are reported for the user to upload again.
 */
final class FileImport {

  private static final String FILES = "database_fileobject";

  private final IndexContentUseCase indexContent;

  FileImport(IndexContentUseCase indexContent) {
    this.indexContent = indexContent;
  }

  void run(KhojSource source, ImportRun run, KhojVectors vectors) {
    run.each("files", source::files, KhojSource.File::key, f -> {
      if (run.dryRun() || run.localId(FILES, f.key()).isPresent()) {
        run.once(
            "files",
            FILES,
            f.key(),
            Optional::empty); // counts it: would import, or already imported
        return;
      }
      // Indexing embeds outside any transaction; the mapping follows once the file is indexed. A
      // run interrupted in
      // between indexes the file again, which replaces it: nothing is doubled.
      Optional<String> indexed = index(f, run, () -> known(source, f, vectors));
      run.once("files", FILES, f.key(), () -> indexed);
    });
  }

  private static Map<ContentHash, float[]> known(
      KhojSource source, KhojSource.File f, KhojVectors vectors) {
    return vectors
        .sameModel()
        .map(model -> vectors.byText(source.fileVectors(f.userKey(), f.name(), model.key())))
        .orElse(Map.of());
  }

  /** {@code known} is asked only for a file that is indexed: Khoj's vectors are read for nothing else. */
  private Optional<String> index(
      KhojSource.File f, ImportRun run, Supplier<Map<ContentHash, float[]>> known) {
    Optional<UserId> owner = run.user(f.userKey());
    if (owner.isEmpty()) {
      run.skip("files", f.name(), "its owner was not imported");
      return Optional.empty();
    }
    Optional<ContentSource> origin = ContentSource.fromWire(f.source());
    String contentType = switch (f.type() == null ? "" : f.type()) {
      case "markdown" -> "text/markdown; charset=utf-8";
      case "org" -> "text/org; charset=utf-8";
      case "plaintext", "github", "notion" -> "text/plain; charset=utf-8";
      default -> null;
    };
    if (contentType == null || origin.isEmpty()) {
      run.skip(
          "files",
          f.name(),
          "Khoj keeps only the extracted text of " + f.type()
              + " files, not the document: upload it again");
      return Optional.empty();
    }
    if (f.text() == null || f.text().isBlank()) {
      run.skip("files", f.name(), "it holds no text");
      return Optional.empty();
    }
    UploadedFile file =
        new UploadedFile(f.name(), contentType, f.text().getBytes(StandardCharsets.UTF_8));
    IndexContentResult result;
    try {
      result = indexContent.index(new IndexContentCommand(
          owner.get(),
          List.of(file),
          SyncMode.INCREMENTAL,
          Optional.empty(),
          origin.get(),
          known.get()));
    } catch (ApplicationException refused) {
      // one file over the owner's index ceiling, or the embedding server refusing it, is reported
      // and the
      // import goes on (it stopped the whole import, at the same file on every run)
      run.skip("files", f.name(), "could not be indexed: " + refused.getMessage());
      return Optional.empty();
    }
    run.keptVectors(result.chunksReused());
    if (!result.rejected().isEmpty()) {
      run.skip("files", f.name(), result.rejected().getFirst().reason());
      return Optional.empty();
    }
    return Optional.of(owner.get().value() + ":" + f.name());
  }
}
