package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.out.migration.ImportMappings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ImportMappings} in memory; a second mapping of an item fails, as the table's primary key makes it. */
final class InMemoryImportMappings implements ImportMappings {

  final Map<String, String> mapped = new HashMap<>();

  @Override
  public Optional<String> localId(String sourceTable, String sourceKey) {
    return Optional.ofNullable(mapped.get(sourceTable + "/" + sourceKey));
  }

  @Override
  public void record(String sourceTable, String sourceKey, String localId) {
    if (mapped.putIfAbsent(sourceTable + "/" + sourceKey, localId) != null) {
      throw new IllegalStateException("already mapped: " + sourceTable + "/" + sourceKey);
    }
  }
}
