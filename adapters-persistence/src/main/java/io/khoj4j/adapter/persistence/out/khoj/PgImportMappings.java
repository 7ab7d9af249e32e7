package io.khoj4j.adapter.persistence.out.khoj;

import io.khoj4j.application.port.out.migration.ImportMappings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Table {@code import_mappings} (V24). A second mapping of the same item fails, which rolls back the unit of work that
 * wrote the item again (two runs at once import each item once).
 */
@ApplicationScoped
public class PgImportMappings implements ImportMappings {

  private final EntityManager em;

  public PgImportMappings(EntityManager em) {
    this.em = em;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<String> localId(String sourceTable, String sourceKey) {
    List<String> rows = em.createNativeQuery(
            "select local_id from import_mappings where source_table = :t and source_key = :k")
        .setParameter("t", sourceTable)
        .setParameter("k", sourceKey)
        .getResultList();
    return rows.stream().findFirst();
  }

  @Override
  @Transactional
  public void record(String sourceTable, String sourceKey, String localId) {
    em.createNativeQuery("""
            insert into import_mappings (source_table, source_key, local_id) values (:t, :k, :l)
            """)
        .setParameter("t", sourceTable)
        .setParameter("k", sourceKey)
        .setParameter("l", localId)
        .executeUpdate();
  }
}
