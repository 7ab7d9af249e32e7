package io.khoj4j.application.port.out.content;

import io.khoj4j.domain.content.RefusedFile;
import io.khoj4j.domain.user.UserId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fake of {@link RefusedFileRepository}; passes {@link RefusedFileRepositoryContract}. */
public final class InMemoryRefusedFileRepository implements RefusedFileRepository {

  /** How often the refusals among many names were read, and names forgotten (for a service's tests). */
  public int refusedAmongReads;

  public int forgetCalls;

  private record Key(UserId owner, String name) {}

  private static final Comparator<RefusedFile> NEWEST_FIRST =
      Comparator.comparing(RefusedFile::refusedAt).reversed().thenComparing(RefusedFile::name);

  private final Map<Key, RefusedFile> files = new ConcurrentHashMap<>();

  @Override
  public void save(RefusedFile file) {
    files.put(new Key(file.owner(), file.name()), file);
  }

  @Override
  public java.util.Set<String> refusedAmong(UserId owner, Collection<String> names) {
    refusedAmongReads++;
    return names.stream()
        .filter(n -> files.containsKey(new Key(owner, n)))
        .collect(java.util.stream.Collectors.toSet());
  }

  @Override
  public int forget(UserId owner, Collection<String> names) {
    forgetCalls++;
    int n = 0;
    for (String name : java.util.Set.copyOf(names)) {
      n += files.remove(new Key(owner, name)) == null ? 0 : 1;
    }
    return n;
  }

  @Override
  public int forgetAll(UserId owner) {
    List<Key> mine =
        files.keySet().stream().filter(k -> k.owner().equals(owner)).toList();
    mine.forEach(files::remove);
    return mine.size();
  }

  @Override
  public void keepNewest(UserId owner, int keep) {
    list(owner, Integer.MAX_VALUE).stream()
        .skip(keep)
        .forEach(f -> files.remove(new Key(owner, f.name())));
  }

  @Override
  public List<RefusedFile> list(UserId owner, int limit) {
    return files.values().stream()
        .filter(f -> f.owner().equals(owner))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }
}
