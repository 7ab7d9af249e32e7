package io.khoj4j.adapter.persistence.out.search;

import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Nearest neighbours by cosine distance on the current model's HNSW index. The owner and filters are applied during
 * the index scan: pgvector 0.8's iterative scan keeps reading the graph until enough rows pass them, so a small user
 * among many still gets full results (relaxed order, re-sorted here).
 */
@ApplicationScoped
public class PgVectorEntryRanker implements EntryRanker {

  private final DataSource dataSource;

  public PgVectorEntryRanker(@SearchReads DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Kind kind() {
    return Kind.VECTOR;
  }

  @Override
  @Transactional
  @WithSpan("search.rank.vector")
  public List<RankedEntry> rank(Request request) {
    String type = RankingSql.vectorType(request.dimension());
    String distance = "(e.embedding::" + type + " <=> ?::" + type + ")";
    StringBuilder sql = new StringBuilder("select " + RankingSql.COLUMNS + ", " + distance
        + " as distance" + " from entries e where e.model_id = "
        + RankingSql.literal(request.modelId()) + " and");
    List<Object> params = new ArrayList<>();
    params.add(request.vector());
    RankingSql.conditions(request, sql, params);
    sql.append(" order by ").append(distance).append(" limit ?");
    params.add(request.vector());
    params.add(request.limit());
    try (Connection c = dataSource.getConnection()) {
      try (Statement s = c.createStatement()) {
        // one round trip for both settings, which last until the end of this transaction
        s.execute("select set_config('hnsw.iterative_scan', 'relaxed_order', true),"
            + " set_config('hnsw.ef_search', '" + Math.max(100, request.limit()) + "', true)");
      }
      List<RankedEntry> hits = new ArrayList<>(RankingSql.query(c, sql.toString(), params));
      hits.sort(Comparator.comparingDouble(RankedEntry::distance));
      return hits;
    } catch (SQLException e) {
      throw new IllegalStateException("vector search failed: " + e.getMessage(), e);
    }
  }
}
