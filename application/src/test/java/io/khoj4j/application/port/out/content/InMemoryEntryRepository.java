package io.khoj4j.application.port.out.content;

import io.khoj4j.domain.content.ContentHash;
import io.khoj4j.domain.content.ContentSource;
import io.khoj4j.domain.content.ContentType;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.user.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Fake of {@link EntryRepository}; passes {@link EntryRepositoryContract}. The lock is a no-op (single thread). */
public final class InMemoryEntryRepository implements EntryRepository {

  /** How often one file's hashes and many files' hashes were read (a service's round trips, for its tests). */
  public int fileHashReads;

  public int manyFileHashReads;

  public record Row(UserId owner, String file, StoredChunk chunk) {}

  private final List<Row> rows = new CopyOnWriteArrayList<>();
  private final Map<String, IndexedFile> files = new ConcurrentHashMap<>();

  private static String key(UserId owner, String file) {
    return owner + "\u0000" + file;
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  @Override
  public void lockFile(UserId owner, String file) {}

  @Override
  public Set<ContentHash> hashesOf(UserId owner, String file) {
    fileHashReads++;
    return stored(owner, file);
  }

  private Set<ContentHash> stored(UserId owner, String file) {
    return rows.stream()
        .filter(r -> r.owner().equals(owner) && r.file().equals(file))
        .map(r -> r.chunk().chunk().hash())
        .collect(Collectors.toSet());
  }

  @Override
  public java.util.Map<String, Set<ContentHash>> hashesOf(UserId owner, Collection<String> files) {
    manyFileHashReads++;
    java.util.Map<String, Set<ContentHash>> hashes = new java.util.HashMap<>();
    for (String file : Set.copyOf(files)) {
      Set<ContentHash> stored = stored(owner, file);
      if (!stored.isEmpty()) {
        hashes.put(file, stored);
      }
    }
    return hashes;
  }

  @Override
  public int deleteChunksNotIn(UserId owner, String file, Set<ContentHash> keep) {
    List<Row> gone = rows.stream()
        .filter(r -> r.owner().equals(owner)
            && r.file().equals(file)
            && !keep.contains(r.chunk().chunk().hash()))
        .toList();
    rows.removeAll(gone);
    return gone.size();
  }

  @Override
  public synchronized void insertChunks(UserId owner, String file, Collection<StoredChunk> chunks) {
    Set<ContentHash> present = stored(owner, file);
    for (StoredChunk c : chunks) {
      if (present.add(c.chunk().hash())) {
        rows.add(new Row(owner, file, c));
      }
    }
  }

  @Override
  public void saveFile(IndexedFile file) {
    files.put(key(file.owner(), file.name()), file);
  }

  @Override
  public int deleteFile(UserId owner, String file) {
    files.remove(key(owner, file));
    List<Row> gone = rows.stream()
        .filter(r -> r.owner().equals(owner) && r.file().equals(file))
        .toList();
    rows.removeAll(gone);
    return gone.size();
  }

  @Override
  public Set<String> fileNames(UserId owner, ContentType type) {
    Set<String> names = new TreeSet<>();
    rows.stream()
        .filter(r -> r.owner().equals(owner) && r.chunk().type() == type)
        .forEach(r -> names.add(r.file()));
    files.values().stream()
        .filter(f -> f.owner().equals(owner) && f.type() == type)
        .forEach(f -> names.add(f.name()));
    return names;
  }

  @Override
  public int deleteType(UserId owner, ContentType type) {
    int n = 0;
    for (String name : fileNames(owner, type)) {
      n += deleteFile(owner, name);
    }
    return n;
  }

  @Override
  public int deleteAll(UserId owner) {
    List<Row> gone = rows.stream().filter(r -> r.owner().equals(owner)).toList();
    rows.removeAll(gone);
    files.values().removeIf(f -> f.owner().equals(owner));
    return gone.size();
  }

  @Override
  public int deleteSource(UserId owner, ContentSource source) {
    List<Row> gone = rows.stream()
        .filter(r -> r.owner().equals(owner) && r.chunk().source() == source)
        .toList();
    rows.removeAll(gone);
    files.values().removeIf(f -> f.owner().equals(owner) && f.source() == source);
    return gone.size();
  }

  @Override
  public List<IndexedFile> listFiles(UserId owner, int offset, int limit) {
    return files.values().stream()
        .filter(f -> f.owner().equals(owner))
        .sorted(Comparator.comparing(IndexedFile::updatedAt)
            .reversed()
            .thenComparing(IndexedFile::name))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long countFiles(UserId owner) {
    return files.values().stream().filter(f -> f.owner().equals(owner)).count();
  }

  @Override
  public Optional<IndexedFile> findFile(UserId owner, String name) {
    return Optional.ofNullable(files.get(key(owner, name)));
  }

  @Override
  public boolean hasFile(UserId owner, String name) {
    return files.containsKey(key(owner, name));
  }

  @Override
  public List<String> filePathsOfSource(UserId owner, ContentSource source) {
    return new ArrayList<>(rows.stream()
        .filter(r -> r.owner().equals(owner) && r.chunk().source() == source)
        .map(Row::file)
        .collect(Collectors.toCollection(TreeSet::new)));
  }

  @Override
  public Set<ContentType> contentTypes(UserId owner) {
    return rows.stream()
        .filter(r -> r.owner().equals(owner))
        .map(r -> r.chunk().type())
        .collect(Collectors.toSet());
  }

  @Override
  public boolean hasEntries(UserId owner) {
    return rows.stream().anyMatch(r -> r.owner().equals(owner));
  }

  @Override
  public long indexedBytes(UserId owner) {
    return files.values().stream()
        .filter(f -> f.owner().equals(owner))
        .mapToLong(IndexedFile::indexedBytes)
        .sum();
  }
}
