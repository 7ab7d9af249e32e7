package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.user.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Index (or delete) the uploaded files for {@code owner}; {@code onlyType} is Khoj's {@code t} ({@code all} = empty).
 * {@code source} is where the files came from: a client ({@code COMPUTER}) or a connector, whose files are named by
 * their URL, parsed by the processor their part's content type names and stored with the connector's type and
 * source, as Khoj stores them. {@code knownVectors} are vectors of this server's embedding model already known for
 * some chunk texts, by the hash of the text (an import from a server with the same model): those chunks are not
 * embedded again. {@code whileConnected}: a connector's sync, whose files are written only while the owner keeps the
 * connector, each file's transaction holding the connector until it ends ({@link ConnectorRemovedException} once it is
 * gone); an import of a connector's files from Khoj writes them whether or not the connector is set up here.
 */
public record IndexContentCommand(
    UserId owner,
    List<UploadedFile> files,
    SyncMode mode,
    Optional<ContentType> onlyType,
    ContentSource source,
    Map<ContentHash, float[]> knownVectors,
    boolean whileConnected,
    WholeUpload whole) {

  /**
   * The client's request these files are part of: a large upload is indexed in several calls of bounded size, and
   * the request's size limit and a {@link SyncMode#REGENERATE}'s removal of the files it does not name apply to the
   * whole request.
   */
  public record WholeUpload(Set<String> names, long bytes) {
    public WholeUpload {
      names = Set.copyOf(names);
      if (bytes < 0) {
        throw new IllegalArgumentException("an upload has no negative size");
      }
    }

    /** The upload that is exactly these files. */
    public static WholeUpload of(List<UploadedFile> files) {
      Set<String> names = new HashSet<>();
      long bytes = 0;
      for (UploadedFile f : files) {
        names.add(f.name());
        bytes += f.content().length;
      }
      return new WholeUpload(names, bytes);
    }
  }

  public IndexContentCommand {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(source, "source");
    files = List.copyOf(files);
    onlyType = onlyType == null ? Optional.empty() : onlyType;
    knownVectors = Map.copyOf(knownVectors);
    if (whileConnected && source == ContentSource.COMPUTER) {
      throw new IllegalArgumentException("a client's uploads have no connector to keep");
    }
    WholeUpload own = WholeUpload.of(files);
    if (whole == null) {
      whole = own;
    } else if (!whole.names().containsAll(own.names()) || whole.bytes() < own.bytes()) {
      throw new IllegalArgumentException("the whole upload must hold these files");
    }
  }

  /** These files as one part of {@code whole}, a client's request indexed in several calls. */
  public IndexContentCommand partOf(WholeUpload whole) {
    return new IndexContentCommand(
        owner, files, mode, onlyType, source, knownVectors, whileConnected, whole);
  }

  /** An import's files (no connector kept). */
  public IndexContentCommand(
      UserId owner,
      List<UploadedFile> files,
      SyncMode mode,
      Optional<ContentType> onlyType,
      ContentSource source,
      Map<ContentHash, float[]> knownVectors) {
    this(owner, files, mode, onlyType, source, knownVectors, false, null);
  }

  /** A connector's files, written only while the owner keeps the connector. */
  public static IndexContentCommand whileConnected(
      UserId owner, List<UploadedFile> files, ContentSource source) {
    return new IndexContentCommand(
        owner, files, SyncMode.INCREMENTAL, Optional.empty(), source, Map.of(), true, null);
  }

  public IndexContentCommand(
      UserId owner,
      List<UploadedFile> files,
      SyncMode mode,
      Optional<ContentType> onlyType,
      ContentSource source) {
    this(owner, files, mode, onlyType, source, Map.of(), false, null);
  }

  public IndexContentCommand(
      UserId owner, List<UploadedFile> files, SyncMode mode, Optional<ContentType> onlyType) {
    this(owner, files, mode, onlyType, ContentSource.COMPUTER);
  }
}
