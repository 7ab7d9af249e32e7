package io.khoj4j.application.port.out.migration;

import java.util.Optional;

/**
 * What earlier imports brought in: a source item (Khoj's table and key) and the id it has here. Recorded in the unit of
 * work that writes the item, so an item is imported once even when a run is interrupted.
 */
public interface ImportMappings {

  Optional<String> localId(String sourceTable, String sourceKey);

  void record(String sourceTable, String sourceKey, String localId);
}
