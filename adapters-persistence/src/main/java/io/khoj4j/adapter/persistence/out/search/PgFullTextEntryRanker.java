package io.khoj4j.adapter.persistence.out.search;

import io.khoj4j.application.port.out.search.EntryRanker;
import io.khoj4j.application.port.out.search.RankedEntry;
import io.khoj4j.domain.search.EntryFilter;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keyword ranking by BM25 over PostgreSQL full-text search: the query is stemmed and stop-worded by PostgreSQL
 * ({@code english}); each remaining word gets the inverse document frequency {@code ln(1 + (N - df + 0.5) / (df + 0.5))}
 * among the owner's entries; an entry scores the sum, over the query words it holds, of that weight times the word's
 * BM25 term-frequency weight in the entry, precomputed at indexing time in the {@code entry_terms} postings table
 * (migration V8, kept in step by triggers).
 *
 * <p>Without filters (a type is fine), each word's best postings are read straight from the postings index, best
 * first, summed per entry, and only the winners' rows are read. The words share a budget of
 * {@code khoj.search.keyword.postings} postings (a rare word's unused share passes to the commoner ones), so the cost
 * no longer grows with how many entries hold the query's words, nor with how many words the query has. With word,
 * file or date filters, the candidates are the entries that hold the rarest words (up to about
 * {@link #CANDIDATE_BUDGET} rows, from the GIN index) and pass the filters, scored from their postings: exact, and
 * filtered searches are rarer.
 *
 * <p>Document frequencies are counted exactly on the postings index while the owner has at most
 * {@code khoj.search.keyword.exact-frequency-limit} entries; above that they are estimated from the lexeme
 * frequencies PostgreSQL's ANALYZE keeps for the column ({@code pg_stats.most_common_elems}), because counting common
 * words in a large collection costs more than the whole search.
 *
 * <p>Needs no query vector ({@link Kind#needsVector()}), so a search runs it while the query is embedded; its hits
 * carry no distance.
 */
@ApplicationScoped
public class PgFullTextEntryRanker implements EntryRanker {

  /** Filtered searches: estimated rows the candidate words may select together (the rarest is always kept). */
  static final long CANDIDATE_BUDGET = 4_000;
  /** Query terms weighed at most (the rarest ones). */
  static final int MAX_TERMS = 32;

  private static final long STATS_TTL_NANOS = TimeUnit.MINUTES.toNanos(5);

  private final DataSource dataSource;
  private final long exactFrequencyLimit;
  private final int postingsBudget;
  private final MinuteCounts totals;
  private volatile LexemeStats stats;

  @Inject
  public PgFullTextEntryRanker(
      @SearchReads DataSource dataSource,
      @ConfigProperty(name = "khoj.search.keyword.exact-frequency-limit", defaultValue = "20000")
          long exactFrequencyLimit,
      @ConfigProperty(name = "khoj.search.keyword.postings", defaultValue = "4000")
          int postingsBudget) {
    if (postingsBudget < 1) {
      throw new IllegalArgumentException("khoj.search.keyword.postings must be at least 1");
    }
    this.dataSource = dataSource;
    this.totals = new MinuteCounts(dataSource);
    this.exactFrequencyLimit = exactFrequencyLimit;
    this.postingsBudget = postingsBudget;
  }

  public PgFullTextEntryRanker(DataSource dataSource) {
    this(dataSource, 20_000, 4_000);
  }

  @Override
  public Kind kind() {
    return Kind.KEYWORD;
  }

  /** A stemmed query term and its (counted or estimated) document frequency among the owner's entries. */
  record Term(String lexeme, long df) {}

  /** Lexeme frequencies (share of rows) from ANALYZE; {@code floor} is the smallest one listed. */
  record LexemeStats(Map<String, Double> frequency, double floor, long loadedAt) {}

  @Override
  @WithSpan("search.rank.keyword")
  public List<RankedEntry> rank(Request request) {
    if (request.text().isBlank()) {
      return List.of();
    }
    try (Connection c = dataSource.getConnection()) {
      List<String> lexemes = lexemes(c, request.text());
      List<UUID> owners = owners(request);
      long total = 0;
      for (UUID owner : lexemes.isEmpty() ? List.<UUID>of() : owners) {
        total += total(c, owner);
      }
      if (total == 0) {
        return List.of();
      }
      List<Term> terms = new ArrayList<>(
          total <= exactFrequencyLimit
              ? counted(c, owners, lexemes)
              : estimated(c, lexemes, total));
      terms.removeIf(t -> t.df() == 0);
      if (terms.isEmpty()) {
        return List.of();
      }
      terms.sort(Comparator.comparingLong(Term::df).thenComparing(Term::lexeme));
      List<Term> weighed = terms.size() > MAX_TERMS ? terms.subList(0, MAX_TERMS) : terms;
      List<Term> selective = new ArrayList<>();
      long selected = 0;
      for (Term t : weighed) {
        if (!selective.isEmpty() && selected + t.df() > CANDIDATE_BUDGET) {
          break;
        }
        selective.add(t);
        selected += t.df();
      }
      return rank(c, request, weighed, selective, total);
    } catch (SQLException e) {
      throw new IllegalStateException("keyword search failed: " + e.getMessage(), e);
    }
  }

  private static List<String> lexemes(Connection c, String text) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("select unnest(tsvector_to_array(to_tsvector('english', ?)))")) {
      ps.setString(1, text);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** The owner keys of the postings searched: the user's, and the knowledge agent's when there is one. */
  private static List<UUID> owners(Request request) {
    return request.knowledgeAgent().isPresent()
        ? List.of(request.owner().value(), request.knowledgeAgent().get())
        : List.of(request.owner().value());
  }

  /** The owner's (a user's or an agent's) entry count, re-read at most once a minute (IDF needs its size). */
  private long total(Connection c, UUID owner) throws SQLException {
    return totals.get(c, owner, own -> {
      try (PreparedStatement ps =
          own.prepareStatement("select (select count(*) from entries where user_id = ?)"
              + " + (select count(*) from entries where agent_id = ?)")) {
        ps.setObject(1, owner);
        ps.setObject(2, owner);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  private static List<Term> counted(Connection c, List<UUID> owners, List<String> lexemes)
      throws SQLException {
    String sql =
        "select l, (select count(*) from entry_terms t where t.user_id = any (?) and t.lexeme = l)"
            + " from unnest(?::text[]) as l";
    List<Term> terms = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("uuid", owners.toArray()));
      ps.setArray(2, c.createArrayOf("text", lexemes.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          terms.add(new Term(rs.getString(1), rs.getLong(2)));
        }
      }
    }
    return terms;
  }

  private List<Term> estimated(Connection c, List<String> lexemes, long total) throws SQLException {
    LexemeStats s = stats(c);
    List<Term> terms = new ArrayList<>();
    for (String l : lexemes) {
      double share = s.frequency().getOrDefault(l, s.floor() / 2);
      terms.add(new Term(l, Math.max(1, Math.round(share * total))));
    }
    return terms;
  }

  private LexemeStats stats(Connection c) throws SQLException {
    LexemeStats s = stats;
    if (s != null && System.nanoTime() - s.loadedAt() < STATS_TTL_NANOS) {
      return s;
    }
    Map<String, Double> frequency = new HashMap<>();
    double floor = 0.0;
    try (PreparedStatement ps =
        c.prepareStatement("select most_common_elems::text::text[], most_common_elem_freqs"
            + " from pg_stats where schemaname = current_schema() and tablename = 'entries'"
            + " and attname = 'search_vector'")) {
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getArray(1) != null) {
          String[] elems = (String[]) rs.getArray(1).getArray();
          Float[] freqs = (Float[]) rs.getArray(2).getArray();
          for (int i = 0; i < elems.length; i++) {
            frequency.put(elems[i], freqs[i].doubleValue());
          }
          floor = freqs.length > elems.length ? freqs[elems.length] : 0.0;
        }
      }
    }
    s = new LexemeStats(Map.copyOf(frequency), floor, System.nanoTime());
    stats = s;
    return s;
  }

  private List<RankedEntry> rank(
      Connection c, Request request, List<Term> terms, List<Term> selective, long total)
      throws SQLException {
    Double[] idf = terms.stream()
        .map(t -> Math.log(1 + (total - t.df() + 0.5) / (t.df() + 0.5)))
        .toArray(Double[]::new);
    List<Object> params = new ArrayList<>();
    // both forms take the words and their weights first: unnest(?::text[], ?::float8[]) as
    // q(lexeme, idf)
    params.add(array(c, terms));
    params.add(c.createArrayOf("float8", idf));
    // no distance: this ranker runs while the query is embedded (the search reads the distance with
    // the text)
    StringBuilder sql =
        new StringBuilder("select " + RankingSql.COLUMNS + ", null::float8 as distance, ");
    if (request.filter().equals(EntryFilter.NONE)) {
      // the best entries of each word straight from the postings index, summed; rows are read only
      // for the winners
      sql.append("h.score as rank from (select p.entry_id, sum(q.idf * p.impact) as score"
          + " from unnest(?::text[], ?::float8[], ?::int[]) as q(lexeme, idf, n)"
          + " cross join lateral (select t.entry_id, t.impact from entry_terms t"
          + " where "
          + (request.knowledgeAgent().isPresent() ? "t.user_id in (?, ?)" : "t.user_id = ?")
          + " and t.lexeme = q.lexeme");
      params.add(c.createArrayOf("int4", postingsPerTerm(terms, request.limit(), postingsBudget)));
      params.addAll(owners(request));
      request.type().ifPresent(t -> {
        sql.append(" and t.file_type = ?");
        params.add(t.wireName());
      });
      sql.append(
          " order by t.impact desc limit q.n) p group by p.entry_id order by score desc, p.entry_id limit ?) h"
              + " join entries e on e.id = h.entry_id where");
      params.add(request.limit());
      RankingSql.owner(request, sql, params);
      sql.append(" order by h.score desc, e.id");
    } else {
      // filters need the rows: candidates hold the rarest words and pass the filters; their
      // postings give the score
      sql.append(
          "(select sum(q.idf * t.impact) from unnest(?::text[], ?::float8[]) as q(lexeme, idf)"
              + " join entry_terms t on t.entry_id = e.id and t.lexeme = q.lexeme) as rank"
              + " from entries e where e.search_vector @@ (select string_agg(quote_literal(s), ' | ')"
              + " from unnest(?::text[]) s)::tsquery and");
      params.add(array(c, selective));
      RankingSql.conditions(request, sql, params);
      sql.append(" order by rank desc, e.id limit ?");
      params.add(request.limit());
    }
    return RankingSql.query(c, sql.toString(), params);
  }

  /**
   * How many of each word's best postings to read (words ordered rarest first): the budget shared evenly, a rare word's
   * unused share passed on to the commoner ones, and never fewer than the results asked for.
   */
  static Integer[] postingsPerTerm(List<Term> terms, int limit, long budget) {
    Integer[] n = new Integer[terms.size()];
    long remaining = budget;
    for (int i = 0; i < n.length; i++) {
      // the scan stops where a word's postings end, so a rare word may be given its whole share
      // even when its
      // frequency is only estimated; what it is expected to leave unread goes to the words after it
      long share = Math.max(limit, remaining / (n.length - i));
      n[i] = (int) Math.min(Integer.MAX_VALUE, share);
      remaining = Math.max(0, remaining - Math.min(terms.get(i).df(), share));
    }
    return n;
  }

  private static Array array(Connection c, List<Term> terms) throws SQLException {
    return c.createArrayOf("text", terms.stream().map(Term::lexeme).toArray());
  }
}
