package io.khoj4j.adapter.web.in.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.ErrorMappers;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.QueryParams;
import io.khoj4j.adapter.web.in.StatusResponse;
import io.khoj4j.adapter.web.in.connector.SyncResource;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.connector.SyncConnectorsCommand;
import io.khoj4j.application.port.in.connector.SyncConnectorsUseCase;
import io.khoj4j.application.port.in.connector.SyncReport;
import io.khoj4j.application.port.in.content.ContentQuery;
import io.khoj4j.application.port.in.content.DeleteContentCommand;
import io.khoj4j.application.port.in.content.DeleteContentUseCase;
import io.khoj4j.application.port.in.content.FilePage;
import io.khoj4j.application.port.in.content.IndexContentCommand;
import io.khoj4j.application.port.in.content.IndexContentUseCase;
import io.khoj4j.application.port.in.content.ListRefusedFilesQuery;
import io.khoj4j.application.port.in.content.ListRefusedFilesUseCase;
import io.khoj4j.application.port.in.content.QueryContentUseCase;
import io.khoj4j.application.port.in.content.SyncMode;
import io.khoj4j.application.port.in.content.UploadedFile;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.usage.AdmitUsageUseCase;
import io.khoj4j.application.port.in.usage.ReleaseUploadUseCase;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Khoj's content API: clients push files ({@code PUT} regenerates, {@code PATCH} syncs) and list or delete what is
 * indexed. The upload answers with the accepted file names joined by commas, exactly as received: clients mark a file
 * synced only when its path appears in that text.
 */
@Path("/api/content")
@Authenticated
public class ContentResource {

  static final int MAX_FILES = 1000;
  private static final int FILES_PAGE_SIZE = 10;
  /** Python's {@code str(datetime)} with a UTC offset, as Khoj's clients display it. */
  private static final DateTimeFormatter PYTHON_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

  private final CurrentUser currentUser;
  private final IndexContentUseCase indexContent;
  private final QueryContentUseCase queryContent;
  private final DeleteContentUseCase deleteContent;
  private final ListRefusedFilesUseCase refusedFiles;
  private final AdmitUsageUseCase usage;
  private final ReleaseUploadUseCase releaseUpload;
  private final SyncConnectorsUseCase syncConnectors;
  private final long batchBytes;

  public ContentResource(
      CurrentUser currentUser,
      IndexContentUseCase indexContent,
      QueryContentUseCase queryContent,
      DeleteContentUseCase deleteContent,
      ListRefusedFilesUseCase refusedFiles,
      AdmitUsageUseCase usage,
      ReleaseUploadUseCase releaseUpload,
      SyncConnectorsUseCase syncConnectors,
      @ConfigProperty(name = "khoj.content.upload-batch-size", defaultValue = "32M")
          MemorySize batchSize) {
    this.batchBytes = batchSize.asLongValue();
    if (batchBytes <= 0) {
      throw new IllegalArgumentException("khoj.content.upload-batch-size must be positive");
    }
    this.currentUser = currentUser;
    this.usage = usage;
    this.releaseUpload = releaseUpload;
    this.indexContent = indexContent;
    this.queryContent = queryContent;
    this.deleteContent = deleteContent;
    this.refusedFiles = refusedFiles;
    this.syncConnectors = syncConnectors;
  }

  @PUT
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.TEXT_PLAIN)
  public Response regenerate(
      @RestForm("files") List<FileUpload> files,
      @QueryParam("t") String t,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      @HeaderParam("Transfer-Encoding") String transferEncoding) {
    if (contentType == null) {
      return regenerateNothing(t, null, contentLength, transferEncoding);
    }
    return hasBoundary(contentType) ? index(files, t, SyncMode.REGENERATE) : notMultipart();
  }

  @PATCH
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.TEXT_PLAIN)
  public Response sync(
      @RestForm("files") List<FileUpload> files,
      @QueryParam("t") String t,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      @HeaderParam("Transfer-Encoding") String transferEncoding) {
    if (contentType == null) {
      return regenerateNothing(t, null, contentLength, transferEncoding);
    }
    return hasBoundary(contentType) ? index(files, t, SyncMode.INCREMENTAL) : notMultipart();
  }

  /** Without its boundary a multipart body cannot be split into files: it would read as no files at all. */
  private static boolean hasBoundary(String contentType) {
    return contentType != null
        && contentType.toLowerCase(java.util.Locale.ROOT).contains("boundary=");
  }

  private static Response notMultipart() {
    return ErrorMappers.json(
        415, "Send files as multipart/form-data with a boundary, in parts named \"files\"");
  }

  /**
   * Without a body (Khoj's web app syncs connectors this way, {@code t=github|notion}): the caller's configured
   * connectors are synced now and the echo is empty; a connector that fails makes it a 500 with the reason (it also
   * stays in {@code /api/settings}). The web app names a JSON content type for that empty body, which is allowed.
   * Any body — JSON, a form, text, multipart without its boundary — is refused with 415: it would index nothing, and
   * a 200 would tell the client its files were synced.
   */
  @PUT
  @Produces(MediaType.TEXT_PLAIN)
  public Response regenerateNothing(
      @QueryParam("t") String t,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      @HeaderParam("Transfer-Encoding") String transferEncoding) {
    if (transferEncoding != null
        || (contentLength != null && !contentLength.strip().equals("0"))) {
      return notMultipart();
    }
    parseType(t);
    SyncReport report = syncConnectors.sync(
        new SyncConnectorsCommand(currentUser.id(), SyncResource.sourcesFor(t)));
    if (report.failed()) {
      return ErrorMappers.json(500, "Failed to sync: " + SyncResource.reasons(report));
    }
    return Response.ok("", MediaType.TEXT_PLAIN_TYPE).build();
  }

  @PATCH
  @Produces(MediaType.TEXT_PLAIN)
  public Response syncNothing(
      @QueryParam("t") String t,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      @HeaderParam("Transfer-Encoding") String transferEncoding) {
    return regenerateNothing(t, contentType, contentLength, transferEncoding);
  }

  private Response index(List<FileUpload> uploads, String t, SyncMode mode) {
    Optional<ContentType> only = parseType(t);
    List<FileUpload> parts = uploads == null ? List.of() : uploads;
    if (parts.size() > MAX_FILES) {
      return ErrorMappers.json(400, "Too many files. Maximum number of files is 1000.");
    }
    // Per-tier upload and index size limits (429, nothing indexed) before any file is read. The
    // upload's bytes stay
    // reserved in the user's index until its entries are committed, so parallel uploads cannot
    // overshoot together.
    String uploadId = java.util.UUID.randomUUID().toString();
    long bytes = parts.stream().mapToLong(FileUpload::size).sum();
    usage.admit(new AdmitUsageCommand.Upload(currentUser.id(), uploadId, bytes));
    try {
      // a large upload (Khoj's desktop app sends up to 1,000 files at once) is read and indexed a
      // bounded batch at a time, the request's limit and a PUT's removals applying to all of it
      IndexContentCommand.WholeUpload whole = new IndexContentCommand.WholeUpload(
          parts.stream().map(ContentResource::name).collect(Collectors.toSet()), bytes);
      List<String> accepted = new ArrayList<>();
      for (List<FileUpload> batch : batches(parts)) {
        List<UploadedFile> files = new ArrayList<>(batch.size());
        for (FileUpload part : batch) {
          files.add(new UploadedFile(name(part), contentType(part), read(part)));
        }
        accepted.addAll(indexContent
            .index(new IndexContentCommand(currentUser.id(), files, mode, only).partOf(whole))
            .accepted());
      }
      return Response.ok(String.join(",", accepted), MediaType.TEXT_PLAIN_TYPE).build();
    } finally {
      releaseUpload.release(
          new ReleaseUploadUseCase.ReleaseUploadCommand(currentUser.id(), uploadId));
    }
  }

  /** The parts in order, cut into batches of at most {@code batchBytes} (a larger part is a batch alone). */
  private List<List<FileUpload>> batches(List<FileUpload> parts) {
    List<List<FileUpload>> batches = new ArrayList<>();
    List<FileUpload> batch = new ArrayList<>();
    long bytes = 0;
    for (FileUpload part : parts) {
      if (!batch.isEmpty() && bytes + part.size() > batchBytes) {
        batches.add(batch);
        batch = new ArrayList<>();
        bytes = 0;
      }
      batch.add(part);
      bytes += part.size();
    }
    if (!batch.isEmpty() || batches.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  private static String name(FileUpload part) {
    return part.fileName() == null ? "" : part.fileName();
  }

  private static String contentType(FileUpload part) {
    String type = part.contentType();
    if (type != null
        && part.charSet() != null
        && !part.charSet().isBlank()
        && !type.contains("charset")) {
      return type + "; charset=" + part.charSet();
    }
    return type;
  }

  private static byte[] read(FileUpload part) {
    try {
      return Files.readAllBytes(part.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Khoj's {@code t}: a SearchType name, {@code all} or absent for every type. */
  private static Optional<ContentType> parseType(String t) {
    if (t == null || t.isBlank() || t.strip().equalsIgnoreCase("all")) {
      return Optional.empty();
    }
    return Optional.of(ContentType.fromWire(t).orElseThrow(() -> invalidType("query", "t", t)));
  }

  private static RequestValidationException invalidType(String where, String field, String value) {
    return RequestValidationException.of(
        where,
        field,
        "Input should be 'all', 'org', 'markdown', 'image', 'pdf', 'github', 'notion', 'plaintext' or 'docx'",
        value);
  }

  @GET
  @Path("/types")
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> types() {
    TreeSet<String> names = new TreeSet<>();
    names.add("all");
    queryContent
        .types(new ContentQuery.Types(currentUser.id()))
        .forEach(t -> names.add(t.wireName()));
    return List.copyOf(names);
  }

  public record FileSummary(
      @JsonProperty("file_name") String fileName,
      @JsonProperty("raw_text") String rawText,
      @JsonProperty("updated_at") String updatedAt) {}

  /** A file an upload refused, with the reason: not in the upload's echo (clients rely on that), so listed here. */
  public record RefusedSummary(
      @JsonProperty("file_name") String fileName,
      String reason,
      @JsonProperty("refused_at") String refusedAt) {}

  /** Khoj's page of files, plus {@code refused} (khoj4j's own; Khoj's clients ignore fields they do not know). */
  public record FilesResponse(
      List<FileSummary> files,
      @JsonProperty("num_pages") int numPages,
      List<RefusedSummary> refused) {}

  @GET
  @Path("/files")
  @Produces(MediaType.APPLICATION_JSON)
  public FilesResponse files(
      @QueryParam("truncated") String truncated, @QueryParam("page") String page) {
    boolean cut = QueryParams.bool("truncated", truncated, true);
    int pageNumber = QueryParams.integer("page", page, 0);
    if (pageNumber < 0) {
      throw RequestValidationException.of(
          "query", "page", "Input should be greater than or equal to 0", page);
    }
    FilePage result = queryContent.files(
        new ContentQuery.Files(currentUser.id(), pageNumber, FILES_PAGE_SIZE, cut));
    List<RefusedSummary> refused =
        refusedFiles.list(new ListRefusedFilesQuery(currentUser.id())).stream()
            .map(r -> new RefusedSummary(
                r.name(),
                r.reason(),
                PYTHON_DATETIME.format(r.refusedAt().atOffset(ZoneOffset.UTC))))
            .toList();
    return new FilesResponse(
        result.files().stream()
            .map(f -> new FileSummary(
                f.name(),
                f.rawText(),
                PYTHON_DATETIME.format(f.updatedAt().atOffset(ZoneOffset.UTC))))
            .toList(),
        result.numPages(),
        refused);
  }

  public record FileResponse(
      String id,
      @JsonProperty("file_name") String fileName,
      @JsonProperty("raw_text") String rawText) {}

  @GET
  @Path("/file")
  @Produces(MediaType.APPLICATION_JSON)
  public FileResponse file(@QueryParam("file_name") String fileName) {
    if (fileName == null) {
      throw RequestValidationException.missing("query", "file_name");
    }
    IndexedFile f = queryContent.file(new ContentQuery.File(currentUser.id(), fileName));
    return new FileResponse(f.id().toString(), f.name(), f.rawText());
  }

  public record DeletedResponse(
      String status, @JsonProperty("deleted_count") int deletedCount) {}

  @DELETE
  @Path("/file")
  @Produces(MediaType.APPLICATION_JSON)
  public Response deleteFile(@QueryParam("filename") String filename) {
    if (filename == null || filename.isEmpty()) {
      throw RequestValidationException.missing("query", "filename");
    }
    deleteContent.delete(
        new DeleteContentCommand(currentUser.id(), new DeleteContentCommand.File(filename)));
    return Response.status(201)
        .entity(StatusResponse.ok())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  public record DeleteFilesRequest(List<String> files) {}

  @DELETE
  @Path("/files")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response deleteFiles(DeleteFilesRequest request) {
    if (request == null || request.files() == null) {
      throw RequestValidationException.missing("body", "files");
    }
    if (request.files().stream().anyMatch(f -> f == null)) {
      throw RequestValidationException.of("body", "files", "Input should be a valid string", null);
    }
    int deleted = deleteContent.delete(new DeleteContentCommand(
        currentUser.id(), new DeleteContentCommand.Files(request.files())));
    return Response.status(201)
        .entity(new DeletedResponse("ok", deleted))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  public record SizeResponse(
      @JsonProperty("indexed_data_size_in_mb") long megabytes) {}

  @GET
  @Path("/size")
  @Produces(MediaType.APPLICATION_JSON)
  public SizeResponse size() {
    long bytes = queryContent.indexedBytes(new ContentQuery.IndexedBytes(currentUser.id()));
    return new SizeResponse((bytes + (1 << 20) - 1) >> 20);
  }

  @DELETE
  @Path("/type/{contentType}")
  @Produces(MediaType.APPLICATION_JSON)
  public StatusResponse deleteType(@PathParam("contentType") String contentType) {
    Optional<ContentType> type = contentType.equalsIgnoreCase("all")
        ? Optional.empty()
        : Optional.of(ContentType.fromWire(contentType)
            .orElseThrow(() -> invalidType("path", "content_type", contentType)));
    deleteContent.delete(
        new DeleteContentCommand(currentUser.id(), new DeleteContentCommand.Type(type)));
    return StatusResponse.ok();
  }

  @DELETE
  @Path("/source/{contentSource}")
  @Produces(MediaType.APPLICATION_JSON)
  public StatusResponse deleteSource(@PathParam("contentSource") String contentSource) {
    ContentSource source = ContentSource.fromWire(contentSource)
        .orElseThrow(() -> RequestValidationException.of(
            "path",
            "content_source",
            "Input should be 'computer', 'github' or 'notion'",
            contentSource));
    deleteContent.delete(
        new DeleteContentCommand(currentUser.id(), new DeleteContentCommand.Source(source)));
    return StatusResponse.ok();
  }

  /** Paths of the user's files from one source; the web app needs a JSON array even for an unknown source. */
  @GET
  @Path("/{contentSource}")
  @Produces(MediaType.APPLICATION_JSON)
  public List<String> sourceFiles(@PathParam("contentSource") String contentSource) {
    return ContentSource.fromWire(contentSource)
        .map(source ->
            queryContent.sourceFiles(new ContentQuery.SourceFiles(currentUser.id(), source)))
        .orElse(List.of());
  }
}
