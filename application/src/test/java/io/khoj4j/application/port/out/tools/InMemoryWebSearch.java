package io.khoj4j.application.port.out.tools;

import io.khoj4j.application.error.UpstreamFailureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A web of a few pages: a query finds every page whose title or snippet shares a word with it, in the order the pages
 * were added; an answer box can be set per query. Records every query; {@link #failWith} makes every search fail.
 */
public final class InMemoryWebSearch implements WebSearch {

  private final List<Hit> pages = new ArrayList<>();
  private final Map<String, Answer> answers = new LinkedHashMap<>();
  private final List<Query> queries = new ArrayList<>();
  private volatile UpstreamFailureException failure;

  public InMemoryWebSearch page(String title, String link, String snippet) {
    pages.add(new Hit(title, link, snippet));
    return this;
  }

  public InMemoryWebSearch answer(String query, Answer answer) {
    answers.put(query, answer);
    return this;
  }

  public void failWith(UpstreamFailureException error) {
    this.failure = error;
  }

  public synchronized List<Query> queries() {
    return List.copyOf(queries);
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Results search(Query query) {
    synchronized (this) {
      queries.add(query);
    }
    if (failure != null) {
      throw failure;
    }
    List<String> words = words(query.text());
    List<Hit> found = pages.stream()
        .filter(p -> words(p.title() + " " + p.snippet()).stream().anyMatch(words::contains))
        .limit(query.maxResults())
        .toList();
    return new Results(query.text(), found, Optional.ofNullable(answers.get(query.text())));
  }

  private static List<String> words(String text) {
    return List.of(text.toLowerCase(Locale.ROOT).split("\\W+"));
  }
}
