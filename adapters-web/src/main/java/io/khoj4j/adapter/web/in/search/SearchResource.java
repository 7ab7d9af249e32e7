package io.khoj4j.adapter.web.in.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.QueryParams;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.port.in.search.SearchEntriesQuery;
import io.khoj4j.application.port.in.search.SearchEntriesUseCase;
import io.khoj4j.application.port.in.search.SearchResult;
import io.khoj4j.domain.content.ContentType;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/**
 * Khoj's {@code GET /api/search}. Same parameters and result fields (hyphenated {@code cross-score} and
 * {@code corpus-id} included); unlike Khoj, {@code n} above 10 is honoured and {@code t=image|docx} return those
 * entries.
 */
@Path("/api/search")
@Authenticated
public class SearchResource {

  /** Longest accepted query; Obsidian's "find similar" sends whole notes of ~42,000 characters. */
  static final int MAX_QUERY_CHARS = 100_000;

  private final CurrentUser currentUser;
  private final SearchEntriesUseCase search;

  /** The request's URI: tells an empty {@code q=} (which the framework hands over as null) from a missing one. */
  @Context
  UriInfo uri;

  public SearchResource(CurrentUser currentUser, SearchEntriesUseCase search) {
    this.currentUser = currentUser;
    this.search = search;
  }

  @JsonPropertyOrder({"entry", "score", "cross-score", "additional", "corpus-id"})
  public record SearchResponse(
      String entry,
      double score,

      @JsonProperty("cross-score") @JsonInclude(JsonInclude.Include.ALWAYS)
      Double crossScore,

      Additional additional,
      @JsonProperty("corpus-id") String corpusId) {}

  public record Additional(
      String source, String file, String uri, String compiled, String heading) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<SearchResponse> search(
      @QueryParam("q") String q,
      @QueryParam("n") String n,
      @QueryParam("t") String t,
      @QueryParam("r") String r,
      @QueryParam("max_distance") String maxDistance,
      @QueryParam("dedupe") String dedupe) {
    String query = QueryParams.required(
        "q", q == null && uri != null && uri.getQueryParameters().containsKey("q") ? "" : q);
    if (query.length() > MAX_QUERY_CHARS) {
      throw RequestValidationException.of(
          "query",
          "q",
          "String should have at most " + MAX_QUERY_CHARS + " characters",
          query.length() + " characters");
    }
    int count = QueryParams.integer("n", n, 5);
    if (count < 1 || count > SearchEntriesQuery.MAX_RESULTS) {
      throw RequestValidationException.of(
          "query", "n", "Input should be between 1 and " + SearchEntriesQuery.MAX_RESULTS, n);
    }
    Optional<ContentType> type = Optional.empty();
    if (t != null && !t.isBlank() && !t.strip().equalsIgnoreCase("all")) {
      type = Optional.of(ContentType.fromWire(t)
          .orElseThrow(() -> RequestValidationException.of(
              "query",
              "t",
              "Input should be 'all', 'org', 'markdown', 'image', 'pdf', 'github', 'notion', 'plaintext' or 'docx'",
              t)));
    }
    SearchEntriesQuery request = new SearchEntriesQuery(
        currentUser.id(),
        query,
        count,
        type,
        QueryParams.bool("r", r, false),
        QueryParams.number("max_distance", maxDistance),
        QueryParams.bool("dedupe", dedupe, true));
    if (query.isBlank()) {
      return List
          .of(); // as Khoj: Obsidian's search box asks with an empty q when it opens or is cleared
    }
    return search.search(request).stream().map(SearchResource::response).toList();
  }

  private static SearchResponse response(SearchResult r) {
    double score = Double.isNaN(r.score()) ? 1.0 : r.score();
    return new SearchResponse(
        r.entry(),
        score,
        r.crossScore(),
        new Additional(r.source().wireName(), r.file(), r.uri(), r.compiled(), r.heading()),
        r.corpusId().toString());
  }
}
