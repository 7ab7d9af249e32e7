package io.khoj4j.application.service.chat.tool;

import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebSearch;
import io.khoj4j.application.service.chat.prompt.PromptBuilder;
import io.khoj4j.application.service.chat.prompt.Prompts;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web as a source of an answer. {@code /online}: the model writes up to three web queries, the {@link WebSearch}
 * port runs them at once, and (when configured) the top result of each query without a direct answer is read.
 * {@code /webpage}: the pages whose addresses the message gives (or, failing that, the model picks from the
 * conversation) are read through the {@link WebReader} port. Either way the results go to the turn's
 * {@code onlineContext} and, as a context message, to the answer's prompt.
 */
final class OnlineSources {

  private static final Logger LOG = System.getLogger(OnlineSources.class.getName());
  static final int MAX_WEB_QUERIES = 3;
  static final int RESULTS_PER_QUERY = 10;
  static final int MAX_PAGES = 3;
  /** Characters of a page kept for the prompt and the stored turn. */
  static final int PAGE_CHARS = 6_000;

  private static final Pattern URL =
      Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);

  private final ChatTools tools;
  private final QueryWriter queries;
  private final ModelCalls calls;

  OnlineSources(ChatTools tools, QueryWriter queries, ModelCalls calls) {
    this.tools = tools;
    this.queries = queries;
    this.calls = calls;
  }

  void search(ToolTurn turn, ToolFindings found) {
    QueryWriter.Queries written = queries.write(
        "web-queries.txt",
        MAX_WEB_QUERIES,
        turn.model(),
        turn.query(),
        turn.history(),
        turn.command().location(),
        turn.persona(),
        turn::cancelled);
    found.addUsage(written.usage());
    turn.status("**Searching the web for**: \n- " + String.join("\n- ", written.queries()));
    Optional<String> country = Optional.ofNullable(turn.command().location().countryCode())
        .map(c -> c.strip().toLowerCase(Locale.ROOT))
        .filter(c -> c.length() == 2);
    List<String> failures = new ArrayList<>();
    List<WebSearch.Results> results = searchAll(written.queries(), country, failures);
    if (results.isEmpty()) {
      String why = failures.isEmpty() ? "found nothing" : "failed (" + failures.getFirst() + ")";
      turn.status("**Web search " + why + "**");
      found.addPromptContext(Prompts.render(
          "tool-failed.txt",
          Map.of(
              "what",
              "Searching the web for " + String.join("; ", written.queries()) + " " + why)));
      return;
    }

    Map<String, List<WebReader.Page>> pages =
        tools.readSearchResults() ? readTopResults(turn, results) : Map.of();
    StringBuilder context = new StringBuilder();
    for (WebSearch.Results r : results) {
      List<WebReader.Page> read = pages.getOrDefault(r.query(), List.of());
      found.addSearch(r, read);
      appendResults(context, r, read);
    }
    found.addPromptContext(
        Prompts.render("online-context.txt", Map.of("results", context.toString())));
  }

  /** Every query at once; results that found something, and the failures' reasons in {@code failures}. */
  private List<WebSearch.Results> searchAll(
      List<String> queries, Optional<String> country, List<String> failures) {
    List<Fanout.Outcome<WebSearch.Results>> outcomes = Fanout.run(
        queries, q -> tools.webSearch().search(new WebSearch.Query(q, RESULTS_PER_QUERY, country)));
    List<WebSearch.Results> results = new ArrayList<>();
    for (Fanout.Outcome<WebSearch.Results> outcome : outcomes) {
      switch (outcome) {
        case Fanout.Done<WebSearch.Results>(WebSearch.Results r) -> {
          if (!r.isEmpty()) {
            results.add(r);
          }
        }
        case Fanout.Failed<WebSearch.Results>(var error) -> failures.add(error.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Web search failed for {0} of {1} queries: {2}",
          failures.size(),
          outcomes.size(),
          failures.getFirst());
    }
    return results;
  }

  void readPages(ToolTurn turn, ToolFindings found) {
    List<URI> urls = pagesToRead(turn, found);
    if (urls.isEmpty()) {
      turn.status("**No web page to read**");
      found.addPromptContext(
          Prompts.render(
              "tool-failed.txt",
              Map.of(
                  "what",
                  "No web page address was found in the message or the conversation, so no page was read")));
      return;
    }
    turn.status("**Browsing**: \n- "
        + String.join("\n- ", urls.stream().map(URI::toString).toList()));
    Read read = read(urls);
    if (!read.failed().isEmpty()) {
      LOG.log(
          Level.WARNING, "Could not read {0} web pages: {1}", read.failed().size(), read.failed());
      turn.status("**Could not read**: \n- " + String.join("\n- ", read.failed()));
    }
    if (read.pages().isEmpty()) {
      found.addPromptContext(Prompts.render(
          "tool-failed.txt",
          Map.of("what", "Reading " + String.join(", ", read.failed()) + " failed")));
      return;
    }
    found.addPages(turn.query(), read.pages());
    StringBuilder context = new StringBuilder();
    read.pages().forEach(p -> appendPage(context, p));
    found.addPromptContext(
        Prompts.render("online-context.txt", Map.of("results", context.toString())));
  }

  /** The links in the message; without any, those the model picks from the conversation. */
  private List<URI> pagesToRead(ToolTurn turn, ToolFindings found) {
    List<URI> urls = linksIn(turn.query());
    if (!urls.isEmpty() || turn.model().isEmpty()) {
      return urls;
    }
    return calls
        .json(
            turn.model().get(),
            Prompts.render(
                "webpage-links.txt",
                Map.of(
                    "max",
                    String.valueOf(MAX_PAGES),
                    "history",
                    PromptBuilder.formatHistory(turn.history(), 6),
                    "query",
                    turn.query())),
            "{\"type\":\"object\",\"properties\":{\"links\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},"
                + "\"maxItems\":" + MAX_PAGES + "}},\"required\":[\"links\"]}",
            "choose web pages",
            turn::cancelled)
        .map(c -> {
          found.addUsage(c.usage());
          return linksIn(String.join(" ", calls.strings(c, "links")));
        })
        .orElse(List.of());
  }

  /** Pages read, and the addresses that failed with why. */
  private record Read(List<WebReader.Page> pages, List<String> failed) {}

  private Read read(List<URI> urls) {
    Read read = new Read(new ArrayList<>(), new ArrayList<>());
    List<Fanout.Outcome<WebReader.Page>> outcomes = Fanout.run(urls, tools.webReader()::read);
    for (int i = 0; i < outcomes.size(); i++) {
      switch (outcomes.get(i)) {
        case Fanout.Done<WebReader.Page>(WebReader.Page page) -> {
          if (!page.text().isBlank()) {
            read.pages().add(page);
          } else {
            read.failed().add(urls.get(i) + " (no text)");
          }
        }
        case Fanout.Failed<WebReader.Page>(var error) ->
          read.failed().add(urls.get(i) + " (" + error.getMessage() + ")");
      }
    }
    return read;
  }

  /** The first organic link of each query that has no direct answer, read at once; a failed read is skipped. */
  private Map<String, List<WebReader.Page>> readTopResults(
      ToolTurn turn, List<WebSearch.Results> results) {
    List<String> queriesToRead = new ArrayList<>();
    List<URI> urls = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (WebSearch.Results r : results) {
      if (r.answer().isPresent()) {
        continue;
      }
      r.organic().stream()
          .map(WebSearch.Hit::link)
          .filter(seen::add)
          .findFirst()
          .flatMap(OnlineSources::uri)
          .ifPresent(url -> {
            queriesToRead.add(r.query());
            urls.add(url);
          });
    }
    if (urls.isEmpty()) {
      return Map.of();
    }
    turn.status("**Browsing**: \n- "
        + String.join("\n- ", urls.stream().map(URI::toString).toList()));
    List<Fanout.Outcome<WebReader.Page>> outcomes = Fanout.run(urls, tools.webReader()::read);
    Map<String, List<WebReader.Page>> pages = new HashMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) instanceof Fanout.Done<WebReader.Page>(WebReader.Page page)
          && !page.text().isBlank()) {
        pages.put(queriesToRead.get(i), List.of(page));
      } else if (outcomes.get(i) instanceof Fanout.Failed<WebReader.Page>(var error)) {
        LOG.log(Level.WARNING, "Could not read {0}: {1}", urls.get(i), error.getMessage());
      }
    }
    return pages;
  }

  private static void appendResults(
      StringBuilder out, WebSearch.Results r, List<WebReader.Page> pages) {
    out.append("Search: ").append(r.query()).append('\n');
    r.answer()
        .ifPresent(a -> out.append("Direct answer: ")
            .append(a.title())
            .append(" — ")
            .append(a.snippet())
            .append(a.link().map(l -> " (" + l + ")").orElse(""))
            .append('\n'));
    for (WebSearch.Hit hit : r.organic()) {
      out.append("- [")
          .append(hit.title())
          .append("](")
          .append(hit.link())
          .append("): ")
          .append(hit.snippet())
          .append('\n');
    }
    pages.forEach(p -> appendPage(out, p));
    out.append('\n');
  }

  private static void appendPage(StringBuilder out, WebReader.Page page) {
    out.append("Page ")
        .append(page.url())
        .append(":\n")
        .append(excerpt(page.text()))
        .append("\n\n");
  }

  /** The start of a page's text, at most {@link #PAGE_CHARS} characters, cut at a space. */
  static String excerpt(String text) {
    String t = text.strip();
    if (t.length() <= PAGE_CHARS) {
      return t;
    }
    int cut = t.lastIndexOf(' ', PAGE_CHARS);
    return t.substring(0, cut > PAGE_CHARS / 2 ? cut : PAGE_CHARS) + " …";
  }

  /** The http(s) addresses in a text, in order, without duplicates, at most {@link #MAX_PAGES}. */
  static List<URI> linksIn(String text) {
    Set<URI> urls = new LinkedHashSet<>();
    Matcher m = URL.matcher(text);
    while (m.find() && urls.size() < MAX_PAGES) {
      String link = m.group().replaceAll("[.,;:!?)\\]}]+$", "");
      uri(link).ifPresent(urls::add);
    }
    return List.copyOf(urls);
  }

  private static Optional<URI> uri(String link) {
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? Optional.of(uri)
          : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
