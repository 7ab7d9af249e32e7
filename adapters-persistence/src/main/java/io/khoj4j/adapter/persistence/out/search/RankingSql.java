package io.khoj4j.adapter.persistence.out.search;

import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.khoj4j.domain.search.EntryFilter;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGStatement;

/**
 * SQL shared by the rankers: the owner/type/filter conditions (every user value a bind parameter, regexes built from
 * escaped globs) and the row mapping. The model id and dimension are written into the SQL text, escaped, because the
 * planner can only use a model's partial HNSW index when it sees the literal.
 */
final class RankingSql {

  /**
   * What a ranked hit carries; the text and file are read later, for the hits a search returns
   * ({@link PgEntryTexts}).
   */
  static final String COLUMNS = "e.id, e.corpus_id, e.content_hash";

  private RankingSql() {}

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String vectorType(int dimension) {
    if (dimension < 1 || dimension > 16_000) {
      throw new IllegalArgumentException("bad vector dimension " + dimension);
    }
    return "vector(" + dimension + ")";
  }

  /**
   * Appends " and …" conditions for owner (and knowledge agent), type and filter; adds their parameters in order.
   */
  static void conditions(EntryRanker.Request request, StringBuilder sql, List<Object> params) {
    owner(request, sql, params);
    request.type().ifPresent(t -> {
      sql.append(" and e.file_type = ?");
      params.add(t.wireName());
    });
    EntryFilter f = request.filter();
    for (String word : f.requiredWords()) {
      sql.append(" and e.raw ilike ? escape '\\'");
      params.add("%" + likeEscape(word) + "%");
    }
    for (String word : f.excludedWords()) {
      sql.append(" and e.raw not ilike ? escape '\\'");
      params.add("%" + likeEscape(word) + "%");
    }
    if (!f.includedFilePatterns().isEmpty()) {
      sql.append(" and (");
      for (int i = 0; i < f.includedFilePatterns().size(); i++) {
        sql.append(i == 0 ? "" : " or ").append("e.file_path ~ ?");
        params.add(f.includedFilePatterns().get(i));
      }
      sql.append(")");
    }
    for (String pattern : f.excludedFilePatterns()) {
      sql.append(" and e.file_path !~ ?");
      params.add(pattern);
    }
    if (!f.dates().isUnbounded()) {
      sql.append(" and exists (select 1 from entry_dates d where d.entry_id = e.id");
      f.dates().from().ifPresent(from -> {
        sql.append(" and d.mentioned >= ?");
        params.add(Date.valueOf(from));
      });
      f.dates().until().ifPresent(until -> {
        sql.append(" and d.mentioned < ?");
        params.add(Date.valueOf(until));
      });
      sql.append(")");
    }
  }

  /** Appends " e.user_id = ?", or the user's or the knowledge agent's entries; adds the parameters. */
  static void owner(EntryRanker.Request request, StringBuilder sql, List<Object> params) {
    if (request.knowledgeAgent().isPresent()) {
      sql.append(" (e.user_id = ? or e.agent_id = ?)");
      params.add(request.owner().value());
      params.add(request.knowledgeAgent().get());
    } else {
      sql.append(" e.user_id = ?");
      params.add(request.owner().value());
    }
  }

  private static String likeEscape(String word) {
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * A vector in pgvector's text form, for a parameter the statement casts ({@code ?::vector(n)}): written straight
   * into one buffer large enough for any float (where {@code PGvector}'s form builds and then copies it), and written
   * once for the statements of a search: each of them sends the same query vector, so the last text is kept with a
   * copy of its vector and given again for an equal one.
   */
  static String vectorLiteral(float[] v) {
    VectorText last = lastVector;
    if (last != null && Arrays.equals(last.vector(), v)) {
      return last.text();
    }
    // the longest float text is 15 characters ("-1.17549435E-38")
    StringBuilder text = new StringBuilder(v.length * 16 + 2).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(v[i]);
    }
    String literal = text.append(']').toString();
    lastVector = new VectorText(v.clone(), literal);
    return literal;
  }

  /** The last vector written by {@link #vectorLiteral}, a copy, with its text. */
  private record VectorText(float[] vector, String text) {}

  /** Read and replaced whole by any thread; a search whose vector another search replaced writes its own again. */
  private static volatile VectorText lastVector;

  static List<RankedEntry> query(Connection c, String sql, List<Object> params)
      throws SQLException {
    return query(c, null, sql, params);
  }

  /**
   * The query after {@code settings}, a statement without parameters that sets planner or index settings for this
   * query alone ({@code set_config(name, value, true)}), in one round trip: the driver sends both statements before
   * one Sync, so outside a transaction they run in one implicit transaction, and the settings hold for the query and
   * end with it (no {@code begin} and {@code commit} of their own, nothing left on the pooled connection).
   *
   * <p>The statement is never prepared on the server: once the driver has run the same text a few times on a
   * connection ({@code prepareThreshold}) it sends a server-prepared statement's parts with a Sync after each, so the
   * settings would end in a transaction of their own before the query ran without them.
   */
  static PreparedStatement prepare(Connection c, String settings, String sql) throws SQLException {
    if (settings == null) {
      return c.prepareStatement(sql);
    }
    PreparedStatement ps = c.prepareStatement(settings + ";\n" + sql);
    ps.unwrap(PGStatement.class).setPrepareThreshold(0);
    return ps;
  }

  /** The rows of the query of a statement from {@link #prepare}, past the settings' own row. */
  static ResultSet execute(PreparedStatement ps, String settings) throws SQLException {
    if (settings == null) {
      return ps.executeQuery();
    }
    ps.execute();
    ps.getResultSet().close();
    if (!ps.getMoreResults()) {
      throw new SQLException("the query after the settings returned no rows");
    }
    return ps.getResultSet();
  }

  static List<RankedEntry> query(Connection c, String settings, String sql, List<Object> params)
      throws SQLException {
    try (PreparedStatement ps = prepare(c, settings, sql)) {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof float[] v) {
          // a statement that names the query vector twice gets the one text vectorLiteral keeps
          ps.setObject(i + 1, vectorLiteral(v), java.sql.Types.OTHER);
        } else {
          ps.setObject(i + 1, p);
        }
      }
      List<RankedEntry> out = new ArrayList<>();
      try (ResultSet rs = execute(ps, settings)) {
        boolean scored = hasColumn(rs, "rank");
        while (rs.next()) {
          double distance = rs.getDouble("distance");
          boolean noDistance = rs.wasNull();
          double score = scored ? rs.getDouble("rank") : Double.NaN;
          if (scored && rs.wasNull()) {
            score = Double.NaN;
          }
          out.add(new RankedEntry(
              rs.getObject("id", UUID.class),
              rs.getObject("corpus_id", UUID.class),
              rs.getString("content_hash"),
              noDistance ? Double.NaN : distance,
              score));
        }
      }
      return out;
    }
  }

  private static boolean hasColumn(ResultSet rs, String name) throws SQLException {
    var meta = rs.getMetaData();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      if (meta.getColumnLabel(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
