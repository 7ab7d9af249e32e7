package io.khoj4j.application.port.out.search;

import io.khoj4j.application.port.out.content.InMemoryEntryRepository;
import io.khoj4j.domain.user.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link EntryTexts} over {@link InMemoryEntryRepository} (which holds users' entries only, no agent knowledge). */
public final class InMemoryEntryTexts implements EntryTexts {

  private final InMemoryEntryRepository entries;

  public InMemoryEntryTexts(InMemoryEntryRepository entries) {
    this.entries = entries;
  }

  @Override
  public Map<UUID, EntryText> textsOf(
      UserId owner, Optional<UUID> agent, Collection<UUID> ids, QueryVector query) {
    Map<UUID, EntryText> out = new HashMap<>();
    for (InMemoryEntryRepository.Row r : entries.rows()) {
      if (r.owner().equals(owner) && ids.contains(r.chunk().id())) {
        var c = r.chunk().chunk();
        double distance = r.chunk().modelId().equals(query.modelId())
            ? InMemoryEntryRanker.distance(r.chunk().embedding(), query.vector())
            : Double.NaN;
        out.put(
            r.chunk().id(),
            new EntryText(
                c.raw(),
                c.compiled(),
                c.heading(),
                c.uri(),
                r.file(),
                r.chunk().source(),
                distance));
      }
    }
    return out;
  }

  @Override
  public Map<UUID, Double> distancesOf(
      UserId owner, Optional<UUID> agent, Collection<UUID> ids, QueryVector query) {
    Map<UUID, Double> out = new HashMap<>();
    textsOf(owner, agent, ids, query).forEach((id, text) -> {
      if (!Double.isNaN(text.distance())) {
        out.put(id, text.distance());
      }
    });
    return out;
  }
}
