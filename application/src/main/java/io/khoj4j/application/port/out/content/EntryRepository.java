package io.khoj4j.application.port.out.content;

import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores the chunks of indexed files with their embeddings, and the file records beside them. Every method is scoped
 * by the owner. Writes must run inside a {@code UnitOfWork}; {@link #lockFile} serialises writers of one file.
 */
public interface EntryRepository {

  /** Blocks until no other transaction is changing this user's file; released when the transaction ends. */
  void lockFile(UserId owner, String file);

  Set<ContentHash> hashesOf(UserId owner, String file);

  /** The stored chunks' hashes of each of these files that has any, in one read (an upload's files at once). */
  Map<String, Set<ContentHash>> hashesOf(UserId owner, Collection<String> files);

  /** Deletes the file's chunks whose hash is not in {@code keep}; returns how many. */
  int deleteChunksNotIn(UserId owner, String file, Set<ContentHash> keep);

  void insertChunks(UserId owner, String file, Collection<StoredChunk> chunks);

  void saveFile(IndexedFile file);

  /** Deletes the file's chunks and its record; returns the number of chunks deleted. */
  int deleteFile(UserId owner, String file);

  /** Names of the owner's files of this type (entries or records), for regeneration. */
  Set<String> fileNames(UserId owner, ContentType type);

  int deleteType(UserId owner, ContentType type);

  int deleteAll(UserId owner);

  int deleteSource(UserId owner, ContentSource source);

  List<IndexedFile> listFiles(UserId owner, int offset, int limit);

  long countFiles(UserId owner);

  java.util.Optional<IndexedFile> findFile(UserId owner, String name);

  /** Whether the owner has a file of that name, without reading it. */
  boolean hasFile(UserId owner, String name);

  /** Distinct file paths of the owner's entries from this source. */
  List<String> filePathsOfSource(UserId owner, ContentSource source);

  Set<ContentType> contentTypes(UserId owner);

  boolean hasEntries(UserId owner);

  /** Sum of the compiled text sizes (UTF-8 bytes) of the owner's entries. */
  long indexedBytes(UserId owner);
}
