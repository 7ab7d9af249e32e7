package io.khoj4j.adapter.persistence.out.search;

import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.RankedEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Keyword ranking with PostgreSQL full-text search: any of the query's words (English stemming, stop words dropped),
 * ranked by cover density normalised by document length. Also reports each hit's cosine distance to the query vector,
 * so results keep Khoj's {@code score}.
 */
@ApplicationScoped
public class FullTextEntryRanker implements EntryRanker {

  private final DataSource dataSource;

  public FullTextEntryRanker(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Kind kind() {
    return Kind.KEYWORD;
  }

  @Override
  public List<RankedEntry> rank(Request request) {
    String terms = Arrays.stream(request.text().split("[^\\p{L}\\p{N}]+")).filter(t -> !t.isEmpty())
        .collect(Collectors.joining(" | "));
    if (terms.isEmpty()) {
      return List.of();
    }
    String type = RankingSql.vectorType(request.dimension());
    StringBuilder sql = new StringBuilder("select " + RankingSql.COLUMNS
        + ", case when e.model_id = " + RankingSql.literal(request.modelId())
        + " then (e.embedding::" + type + " <=> ?::" + type + ") end as distance,"
        + " ts_rank_cd(e.search_vector, q, 1) as rank"
        + " from entries e, to_tsquery('english', ?) q where e.search_vector @@ q and");
    List<Object> params = new ArrayList<>();
    params.add(request.vector());
    params.add(terms);
    RankingSql.conditions(request, sql, params);
    sql.append(" order by rank desc, e.id limit ?");
    params.add(request.limit());
    try (Connection c = dataSource.getConnection()) {
      return RankingSql.query(c, sql.toString(), params);
    } catch (SQLException e) {
      throw new IllegalStateException("keyword search failed: " + e.getMessage(), e);
    }
  }
}
